package io.dendrite.datasets;

import io.dendrite.core.DendriteException;
import io.dendrite.core.data.Examples;
import io.dendrite.core.data.Features;
import io.dendrite.core.param.Param;
import io.dendrite.core.param.Params;
import io.dendrite.core.spi.DataShape;
import io.dendrite.core.spi.Dataset;
import io.dendrite.core.spi.DatasetContext;
import io.dendrite.core.spi.DatasetPlugin;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/** A split of the MNIST test set bundled as resources of this jar. */
public final class MnistSample implements Dataset {
  static final Param<String> SPLIT =
      Param.choice(
          "split",
          "train",
          "which examples: train = the first 8,000, test = the last 2,000, all = 10,000",
          "train",
          "test",
          "all");

  /** Registers the dataset as {@code mnist_sample}. */
  public static final class Plugin extends DatasetPlugin.Base {
    /** 28x28 pixels and 10 digits, whatever the split: known without reading a file. */
    @Override
    public Optional<DataShape> shape(Params params) {
      return Optional.of(new DataShape(784, 10));
    }

    public Plugin() {
      super(
          declare(
                  "mnist_sample",
                  "10,000 handwritten digits (the MNIST test set, 28x28, 10 classes) bundled with Dendrite")
              .params(SPLIT, Normalization.PARAM),
          params ->
              new MnistSample(
                  MnistSample.Split.of(params.get(SPLIT)),
                  Normalization.of(params.get(Normalization.PARAM))));
    }
  }

  static final int SIZE = 10_000;
  static final int TRAIN_SIZE = 8_000;
  static final String IMAGES = "mnist/t10k-images-idx3-ubyte.gz";
  static final String LABELS = "mnist/t10k-labels-idx1-ubyte.gz";

  /** Which examples of the 10,000 a split takes: contiguous, so train and test never overlap. */
  enum Split {
    TRAIN(0, TRAIN_SIZE),
    TEST(TRAIN_SIZE, SIZE),
    ALL(0, SIZE);

    final int from;
    final int to;

    Split(int from, int to) {
      this.from = from;
      this.to = to;
    }

    static Split of(String id) {
      return valueOf(id.toUpperCase(Locale.ROOT));
    }

    String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Split split;
  private final Normalization normalization;

  MnistSample(Split split, Normalization normalization) {
    this.split = split;
    this.normalization = normalization;
  }

  @Override
  public Examples load(DatasetContext context) {
    // Decoding the gzip files is most of the load time and a run loads train and test: the run
    // shares the decoded bytes. Safe because LabeledImages never hands its arrays out.
    return context
        .shared(MnistSample.class.getName(), LabeledImages.class, MnistSample::all)
        .toExamples(
            split.from,
            split.to,
            normalization,
            "mnist_sample split "
                + split.id()
                + " (bundled MNIST test set, examples "
                + split.from
                + " to "
                + (split.to - 1)
                + ")");
  }

  /** The 10,000 digits, decoded from the jar. */
  static LabeledImages all() {
    LabeledImages data = IdxReader.read(resource(IMAGES), resource(LABELS), 0, 0, List.of());
    if (data.size() != SIZE || data.featureCount() != 28 * 28 || data.classCount() != 10) {
      throw DendriteException.data(
          "the bundled MNIST sample holds "
              + data.size()
              + " examples of "
              + data.featureCount()
              + " pixels in "
              + data.classCount()
              + " classes; expected 10000 of 784 in 10: the datasets jar is damaged");
    }
    return data;
  }

  private static Supplier<IdxInput> resource(String name) {
    return () -> {
      URL url = MnistSample.class.getResource(name);
      if (url == null) {
        throw DendriteException.data(
            "the bundled MNIST sample file "
                + name
                + " is missing from the datasets jar (next to "
                + MnistSample.class.getName()
                + "); the jar is damaged");
      }
      try {
        return IdxInput.of(url.openStream(), url.toString(), -1);
      } catch (IOException e) {
        throw DendriteException.data(url + ": cannot read it (" + e + ")", e);
      }
    };
  }

  @Override
  public Optional<Features> readInputs(Path file, DatasetContext context) {
    return PredictionInputs.read(file, 28, 28, normalization, true);
  }

  @Override
  public String inputFormats() {
    return PredictionInputs.FORMATS;
  }
}
