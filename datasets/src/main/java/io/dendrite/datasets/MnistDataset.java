package io.dendrite.datasets;

import io.dendrite.core.param.Param;
import io.dendrite.core.param.Params;
import io.dendrite.core.spi.DataShape;
import io.dendrite.core.spi.DatasetPlugin;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The full MNIST handwritten digits: 60,000 training and 10,000 test images, found or fetched. */
public final class MnistDataset {
  /** The files as published, with the SHA-256 sums every well-known loader checks. */
  static final PublishedIdxSet MNIST =
      new PublishedIdxSet(
          "mnist",
          "MNIST",
          Map.of(
              "train",
              List.of(
                  KnownFile.of(
                      "train-images-idx3-ubyte.gz",
                      9_912_422,
                      "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609"),
                  KnownFile.of(
                      "train-labels-idx1-ubyte.gz",
                      28_881,
                      "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c")),
              "test",
              List.of(
                  KnownFile.of(
                      "t10k-images-idx3-ubyte.gz",
                      1_648_877,
                      "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6"),
                  KnownFile.of(
                      "t10k-labels-idx1-ubyte.gz",
                      4_542,
                      "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6"))),
          List.of(
              "https://ossci-datasets.s3.amazonaws.com/mnist/",
              "https://storage.googleapis.com/cvdf-datasets/mnist/"),
          LabeledImages.classNames(10),
          List.of(),
          "use mnist_sample (10,000 digits bundled with Dendrite)");

  static final Param<List<String>> MIRRORS = MNIST.mirrorsParam();

  /** Registers the dataset as {@code mnist}. */
  public static final class Plugin extends DatasetPlugin.Base {
    /** 28x28 pixels and 10 digits, whatever the split: known without reading a file. */
    @Override
    public Optional<DataShape> shape(Params params) {
      return Optional.of(new DataShape(784, 10));
    }

    public Plugin() {
      super(
          declare("mnist", "the full MNIST digits (28x28, 10 classes), downloaded once if missing")
              .params(
                  PublishedIdxDataset.SPLIT,
                  PublishedIdxDataset.PATH,
                  MIRRORS,
                  PublishedIdxSet.DOWNLOAD,
                  PublishedIdxDataset.LIMIT,
                  Normalization.PARAM),
          params -> PublishedIdxDataset.of(MNIST, MIRRORS, true, params));
    }
  }

  private MnistDataset() {}
}
