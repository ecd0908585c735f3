package io.dendrite.datasets;

import io.dendrite.core.data.Examples;
import io.dendrite.core.data.Features;
import io.dendrite.core.param.Param;
import io.dendrite.core.param.Params;
import io.dendrite.core.spi.Dataset;
import io.dendrite.core.spi.DatasetContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A split of a published set of 28x28 IDX images ({@link PublishedIdxSet}: MNIST, Fashion-MNIST),
 * found or downloaded once, with its parameters; pictures to predict are read as the set's own.
 */
final class PublishedIdxDataset implements Dataset {
  static final Param<String> SPLIT =
      PublishedIdxSet.splitParam("which examples: train = 60,000 images, test = 10,000");
  static final Param<Path> PATH = PublishedIdxSet.pathParam();
  static final Param<Integer> LIMIT = IdxDataset.LIMIT;

  private final PublishedIdxSet set;
  private final boolean centered;
  private final String split;
  private final Optional<Path> path;
  private final List<String> mirrors;
  private final boolean download;
  private final int limit;
  private final Normalization normalization;

  /**
   * The split of {@code set} that {@code params} ask for; {@code mirrors} is the set's own {@link
   * PublishedIdxSet#mirrorsParam()}.
   *
   * @param centered whether a picture to predict is centred by its mass, as MNIST's digits were
   *     (else it is scaled whole into the frame, as Fashion-MNIST's clothes were)
   */
  static PublishedIdxDataset of(
      PublishedIdxSet set, Param<List<String>> mirrors, boolean centered, Params params) {
    return new PublishedIdxDataset(
        set,
        centered,
        params.get(SPLIT),
        params.has(PATH) ? Optional.of(params.get(PATH)) : Optional.empty(),
        params.get(mirrors),
        params.get(PublishedIdxSet.DOWNLOAD),
        params.get(LIMIT),
        Normalization.of(params.get(Normalization.PARAM)));
  }

  private PublishedIdxDataset(
      PublishedIdxSet set,
      boolean centered,
      String split,
      Optional<Path> path,
      List<String> mirrors,
      boolean download,
      int limit,
      Normalization normalization) {
    this.set = set;
    this.centered = centered;
    this.split = split;
    this.path = path;
    this.mirrors = List.copyOf(mirrors);
    this.download = download;
    this.limit = limit;
    this.normalization = normalization;
  }

  @Override
  public Examples load(DatasetContext context) {
    return set.load(context, split, path, mirrors, download, limit, normalization);
  }

  @Override
  public Optional<Features> readInputs(Path file, DatasetContext context) {
    return PredictionInputs.read(file, 28, 28, normalization, centered);
  }

  @Override
  public String inputFormats() {
    return PredictionInputs.FORMATS;
  }
}
