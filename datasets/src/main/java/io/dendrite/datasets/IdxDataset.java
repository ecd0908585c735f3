package io.dendrite.datasets;

import io.dendrite.core.data.Examples;
import io.dendrite.core.spi.Dataset;
import java.nio.file.Path;

/** Examples read from an IDX images file and its labels file, each time {@link #load()} runs. */
final class IdxDataset implements Dataset {
  private final Path images;
  private final Path labels;
  private final Normalization normalization;
  private final int limit;
  private final int classes;

  IdxDataset(Path images, Path labels, Normalization normalization, int limit, int classes) {
    this.images = images.toAbsolutePath().normalize();
    this.labels = labels.toAbsolutePath().normalize();
    this.normalization = normalization;
    this.limit = limit;
    this.classes = classes;
  }

  @Override
  public Examples load() {
    LabeledImages data =
        IdxReader.read(
            () -> IdxInput.open(images, IdxKind.IMAGES),
            () -> IdxInput.open(labels, IdxKind.LABELS),
            limit,
            classes);
    return data.toExamples(0, data.size(), normalization, images.toString());
  }
}
