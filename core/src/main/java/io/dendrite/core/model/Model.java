package io.dendrite.core.model;

import io.dendrite.core.DendriteException;
import io.dendrite.core.data.Examples;
import io.dendrite.core.data.Features;
import io.dendrite.core.experiment.Experiment;
import io.dendrite.core.experiment.PlainExperimentReader;
import io.dendrite.core.nn.Network;
import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.ComponentSpec;
import io.dendrite.core.spi.Preprocessor;
import io.dendrite.core.tensor.Kernels;
import io.dendrite.core.tensor.Matrix;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A trained model, for applications: load a run's {@code model.safetensors} and predict.
 *
 * <pre>{@code
 * Model model = Model.load(Path.of("runs/mnist-mlp/20261201-101500/model.safetensors"));
 * float[] probabilities = model.predict(pixels);        // 784 values in, 10 out
 * String digit = model.classNames().get(Model.argmax(probabilities));
 * }</pre>
 *
 * <p>Inputs are raw features as the dataset gives them; the preprocessing the run fitted (scaling,
 * standardization) is applied first. A model is safe to use from many threads at once: each
 * prediction borrows a network of its own.
 */
public final class Model {
  private final Experiment experiment;
  private final Map<String, Matrix> tensors;
  private final int inputSize;
  private final int rawInputSize;
  private final List<String> classNames;
  private final Map<String, String> metadata;
  private final PluginRegistry registry;
  private final List<Preprocessor> preprocessing = new ArrayList<>();
  private final ConcurrentLinkedQueue<Network> idle = new ConcurrentLinkedQueue<>();
  private final int batchSize;
  private final int outputSize;

  private Model(ModelFile.Contents contents, PluginRegistry registry, Path file) {
    this.registry = registry;
    this.experiment =
        new PlainExperimentReader(
                registry, file.toString(), file.toAbsolutePath().normalize().getParent())
            .read(contents.experiment());
    this.tensors = contents.tensors();
    this.inputSize = contents.inputSize();
    this.rawInputSize = contents.rawInputSize();
    this.classNames = List.copyOf(contents.classNames());
    this.metadata = Map.copyOf(contents.metadata());
    this.batchSize = experiment.training().batchSize();
    for (ComponentSpec step : experiment.data().preprocess()) {
      preprocessing.add(registry.create(step, Preprocessor.class));
    }
    Network first = network();
    this.outputSize = first.outputSize();
    idle.add(first);
  }

  /** The model in {@code file}, built from the plugins on the class path. */
  public static Model load(Path file) {
    return load(file, PluginRegistry.discover(Model.class.getClassLoader()));
  }

  /**
   * The model in {@code file}, built from {@code registry}'s plugins.
   *
   * @throws DendriteException of kind data when the file is damaged, not a Dendrite model, or needs
   *     a plugin that is not installed (named with its kind and id)
   */
  public static Model load(Path file, PluginRegistry registry) {
    return new Model(ModelFile.read(file), registry, file.toAbsolutePath());
  }

  /** A network of this model's architecture holding its weights, for one thread at a time. */
  public Network network() {
    return network(Kernels.singleThreaded());
  }

  /**
   * A network of this model's weights computing on {@code kernels} (results do not depend on it).
   */
  public Network network(Kernels kernels) {
    Network network =
        Network.build(
            experiment.layers(), inputSize, batchSize, false, registry, kernels, new Rng(0));
    Map<String, Matrix> own = network.tensors();
    if (!own.keySet().equals(tensors.keySet())) {
      throw DendriteException.data(
          "the model's tensors "
              + tensors.keySet()
              + " do not fit its architecture, which has "
              + own.keySet());
    }
    own.forEach(
        (name, m) -> {
          Matrix saved = tensors.get(name);
          if (saved.rows() != m.rows() || saved.cols() != m.cols()) {
            throw DendriteException.data(
                "the model's tensor "
                    + name
                    + " is "
                    + saved.rows()
                    + "x"
                    + saved.cols()
                    + " but its architecture needs "
                    + m.rows()
                    + "x"
                    + m.cols());
          }
          m.copyFrom(saved);
        });
    return network;
  }

  /** The outputs (class probabilities, or regression values) for one example's raw features. */
  public float[] predict(float[] features) {
    return predict(new float[][] {features})[0];
  }

  /** The outputs for each row of raw features. */
  public float[][] predict(float[][] rows) {
    for (float[] row : rows) {
      if (row.length != rawInputSize()) {
        throw new IllegalArgumentException(
            "the model takes " + rawInputSize() + " features, not " + row.length);
      }
    }
    Matrix raw = Matrix.floats(rows.length, rawInputSize());
    for (int r = 0; r < rows.length; r++) {
      System.arraycopy(rows[r], 0, raw.floats(), r * rawInputSize(), rawInputSize());
    }
    return predict(Features.of(raw));
  }

  /** The outputs for each row of {@code raw} features, as a dataset gives them. */
  public float[][] predict(Features raw) {
    if (raw.cols() != rawInputSize()) {
      throw new IllegalArgumentException(
          "the model takes " + rawInputSize() + " features, not " + raw.cols());
    }
    Features features = preprocess(raw);
    int count = features.rows();
    Network network = idle.poll();
    if (network == null) {
      network = network();
    }
    try {
      float[][] out = new float[count][];
      Matrix batch = Matrix.floats(batchSize, inputSize);
      for (int from = 0; from < count; from += batchSize) {
        int n = Math.min(batchSize, count - from);
        batch.setRows(n);
        for (int i = 0; i < n; i++) {
          features.copyRow(from + i, batch.floats(), i * inputSize);
        }
        Matrix y = network.forward(batch, false);
        for (int i = 0; i < n; i++) {
          out[from + i] = new float[y.cols()];
          System.arraycopy(y.floats(), i * y.cols(), out[from + i], 0, y.cols());
        }
      }
      return out;
    } finally {
      idle.add(network);
    }
  }

  /** {@code raw} features after the run's preprocessing, as the network takes them. */
  public Features preprocess(Features raw) {
    return preprocess(new Examples(raw, Matrix.floats(raw.rows(), 0), List.of(), "input"))
        .features();
  }

  /** {@code raw} examples, as a dataset gives them, after the run's preprocessing. */
  public Examples preprocess(Examples raw) {
    Examples examples = raw;
    for (Preprocessor step : preprocessing) {
      examples = step.apply(examples);
    }
    return examples;
  }

  /** The index of the largest value: the predicted class. */
  public static int argmax(float[] outputs) {
    int best = 0;
    for (int i = 1; i < outputs.length; i++) {
      if (outputs[i] > outputs[best]) {
        best = i;
      }
    }
    return best;
  }

  /** The experiment that trained the model, with its preprocessing as it was fitted. */
  public Experiment experiment() {
    return experiment;
  }

  /** The class names, in output order; empty for regression. */
  public List<String> classNames() {
    return classNames;
  }

  /** Features the network takes, after preprocessing. */
  public int inputSize() {
    return inputSize;
  }

  /**
   * Features an input has before preprocessing: the network's input unless a step changes the width
   * (one-hot columns), then the raw width the first step expects.
   */
  public int rawInputSize() {
    return rawInputSize;
  }

  /** Values per prediction. */
  public int outputSize() {
    return outputSize;
  }

  /** The rest of the model's metadata: provenance, versions. */
  public Map<String, String> metadata() {
    return metadata;
  }
}
