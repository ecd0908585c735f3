package io.dendrite.datasets;

import io.dendrite.core.param.Param;
import io.dendrite.core.param.Params;
import io.dendrite.core.spi.DataShape;
import io.dendrite.core.spi.DatasetPlugin;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Zalando's Fashion-MNIST: 60,000 training and 10,000 test images of clothing in ten classes, found
 * where Debian installs it, or fetched.
 */
public final class FashionMnistDataset {
  /**
   * The files as published by Zalando Research, with their SHA-256 sums.
   *
   * <p>Also accepted as Debian's dataset-fashion-mnist ships them, re-gzipped without the file name
   * in the gzip header (24 or 23 bytes shorter, the same deflate data).
   */
  static final PublishedIdxSet FASHION_MNIST =
      new PublishedIdxSet(
          "fashion_mnist",
          "Fashion-MNIST",
          Map.of(
              "train",
              List.of(
                  KnownFile.of(
                          "train-images-idx3-ubyte.gz",
                          26_421_880,
                          "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84")
                      .or(
                          26_421_856,
                          "b0564c3eedabfbf835052cff8503ea422014ce006caf5b757f851416ee8300c7"),
                  KnownFile.of(
                          "train-labels-idx1-ubyte.gz",
                          29_515,
                          "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845")
                      .or(
                          29_491,
                          "0ae29f65d86684f32d1b9c85147786c547b9c6aebcaf235f0400a0cce308b056")),
              "test",
              List.of(
                  KnownFile.of(
                          "t10k-images-idx3-ubyte.gz",
                          4_422_102,
                          "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073")
                      .or(
                          4_422_079,
                          "cc1d090a38ace84dfa1aa66e3ada7c336ef481a96936906477e6dd344da56eaa"),
                  KnownFile.of(
                          "t10k-labels-idx1-ubyte.gz",
                          5_148,
                          "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5")
                      .or(
                          5_125,
                          "8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05"))),
          List.of(
              "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",
              "https://github.com/zalandoresearch/fashion-mnist/raw/master/data/fashion/"),
          List.of(
              "T-shirt/top",
              "Trouser",
              "Pullover",
              "Dress",
              "Coat",
              "Sandal",
              "Shirt",
              "Sneaker",
              "Bag",
              "Ankle boot"),
          List.of(Path.of("/usr/share/datasets/fashion-mnist")),
          "install Debian's dataset-fashion-mnist package (apt-get install dataset-fashion-mnist)");

  static final Param<List<String>> MIRRORS = FASHION_MNIST.mirrorsParam();

  /** Registers the dataset as {@code fashion_mnist}. */
  public static final class Plugin extends DatasetPlugin.Base {
    /** 28x28 pixels and 10 digits, whatever the split: known without reading a file. */
    @Override
    public Optional<DataShape> shape(Params params) {
      return Optional.of(new DataShape(784, 10));
    }

    public Plugin() {
      super(
          declare(
                  "fashion_mnist",
                  "Zalando's Fashion-MNIST (28x28 clothing, 10 classes), found or downloaded once")
              .params(
                  PublishedIdxDataset.SPLIT,
                  PublishedIdxDataset.PATH,
                  MIRRORS,
                  PublishedIdxSet.DOWNLOAD,
                  PublishedIdxDataset.LIMIT,
                  Normalization.PARAM),
          params -> PublishedIdxDataset.of(FASHION_MNIST, MIRRORS, false, params));
    }
  }

  private FashionMnistDataset() {}
}
