package io.dendrite.datasets;

import io.dendrite.core.param.Param;
import io.dendrite.core.param.Params;
import io.dendrite.core.spi.Dataset;
import io.dendrite.core.spi.DatasetPlugin;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code idx} dataset: an MNIST-format pair of IDX files, images and labels, gzipped or not.
 */
public final class IdxDatasetPlugin implements DatasetPlugin {
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

  @Override
  public String id() {
    return "idx";
  }

  @Override
  public String summary() {
    return "images and labels from MNIST-format IDX files, gzipped or not";
  }

  @Override
  public List<Param<?>> params() {
    return List.of(IMAGES, LABELS, Normalization.PARAM, LIMIT, CLASSES);
  }

  @Override
  public Dataset create(Params params) {
    return new IdxDataset(
        params.get(IMAGES),
        params.get(LABELS),
        Normalization.of(params.get(Normalization.PARAM)),
        params.get(LIMIT),
        params.get(CLASSES));
  }
}
