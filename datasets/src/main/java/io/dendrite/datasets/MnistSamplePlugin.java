package io.dendrite.datasets;

import io.dendrite.core.param.Param;
import io.dendrite.core.param.Params;
import io.dendrite.core.spi.Dataset;
import io.dendrite.core.spi.DatasetPlugin;
import java.util.List;

/**
 * The {@code mnist_sample} dataset: the 10,000 digits of the MNIST test set, shipped in this jar.
 */
public final class MnistSamplePlugin implements DatasetPlugin {
  static final Param<String> SPLIT =
      Param.choice(
          "split",
          "train",
          "which examples: train = the first 8,000, test = the last 2,000, all = 10,000",
          "train",
          "test",
          "all");

  @Override
  public String id() {
    return "mnist_sample";
  }

  @Override
  public String summary() {
    return "10,000 handwritten digits (the MNIST test set, 28x28, 10 classes) bundled with Dendrite";
  }

  @Override
  public List<Param<?>> params() {
    return List.of(SPLIT, Normalization.PARAM);
  }

  @Override
  public Dataset create(Params params) {
    return new MnistSample(
        MnistSample.Split.of(params.get(SPLIT)), Normalization.of(params.get(Normalization.PARAM)));
  }
}
