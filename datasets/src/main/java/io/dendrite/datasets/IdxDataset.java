package io.dendrite.datasets;

import io.dendrite.core.data.Examples;
import io.dendrite.core.param.Param;
import io.dendrite.core.spi.Dataset;
import io.dendrite.core.spi.DatasetContext;
import io.dendrite.core.spi.DatasetPlugin;
import java.nio.file.Path;

/** Examples read from an IDX images file and its labels file, each time {@link #load} runs. */
public final class IdxDataset implements Dataset {
  static final Param<Path> IMAGES =
      Param.path("images", "IDX images file (magic 2051, unsigned bytes), gzipped or not");
  static final Param<Path> LABELS =
      Param.path("labels", "IDX labels file (magic 2049, unsigned bytes), gzipped or not");
  static final Param<Integer> LIMIT =
      Param.integer("limit", 0, "read only the first N examples; 0 reads them all").atLeast(0);
  static final Param<Integer> CLASSES =
      Param.integer(
              "classes",
              0,
              "number of classes, larger labels being errors; 0: 10, or the largest label + 1")
          .atLeast(0)
          .atMost(256);

  /** Registers the dataset as {@code idx}. */
  public static final class Plugin extends DatasetPlugin.Base {
    public Plugin() {
      super(
          declare("idx", "images and labels from MNIST-format IDX files, gzipped or not")
              .params(IMAGES, LABELS, Normalization.PARAM, LIMIT, CLASSES),
          params ->
              new IdxDataset(
                  params.get(IMAGES),
                  params.get(LABELS),
                  Normalization.of(params.get(Normalization.PARAM)),
                  params.get(LIMIT),
                  params.get(CLASSES)));
    }
  }

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
  public Examples load(DatasetContext context) {
    LabeledImages data =
        IdxReader.read(
            () -> IdxInput.open(images, IdxKind.IMAGES),
            () -> IdxInput.open(labels, IdxKind.LABELS),
            limit,
            classes);
    return data.toExamples(0, data.size(), normalization, images.toString());
  }
}
