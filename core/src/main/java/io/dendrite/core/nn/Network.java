package io.dendrite.core.nn;

import io.dendrite.core.plugin.ComponentFactory;
import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.Activation;
import io.dendrite.core.spi.ComponentSpec;
import io.dendrite.core.spi.Layer;
import io.dendrite.core.spi.LayerContext;
import io.dendrite.core.tensor.Buffer;
import io.dendrite.core.tensor.Kernels;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.core.tensor.Parameter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sequential network: layers, each optionally followed by an activation, with forward and
 * backward passes over mini-batches.
 *
 * <p>The network owns the activations' buffers; layers own theirs. The last activation is kept
 * apart so that a loss can take its input instead of its output ({@link #outputActivation()},
 * {@link #preActivationOutput()}, {@link #backwardFromPreActivation}).
 *
 * <p>{@link #build} allocates every tensor; {@link #initialize} gives the parameters starting
 * values, and a loaded model writes its values into {@link #tensors()} instead.
 */
public final class Network {
  private final List<Layer> layers;
  private final List<ComponentSpec> activationSpecs;
  private final List<Activation> activations;
  private final List<Matrix> activationOutputs = new ArrayList<>();
  private final List<Matrix> activationGradients = new ArrayList<>();
  private final List<Matrix> layerOutputs = new ArrayList<>();
  private final List<Parameter> parameters = new ArrayList<>();
  private final Map<String, Matrix> tensors = new LinkedHashMap<>();
  private final Map<String, Rng> streams;
  private final int inputSize;
  private final Kernels kernels;

  private Network(
      List<Layer> layers,
      List<ComponentSpec> activationSpecs,
      List<Activation> activations,
      Map<String, Rng> streams,
      int inputSize,
      int maxBatchRows,
      Matrix like,
      Kernels kernels) {
    this.layers = List.copyOf(layers);
    this.kernels = kernels;
    this.streams = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(streams));
    this.activationSpecs = Collections.unmodifiableList(new ArrayList<>(activationSpecs));
    this.activations = Collections.unmodifiableList(new ArrayList<>(activations));
    this.inputSize = inputSize;
    for (int i = 0; i < layers.size(); i++) {
      Layer layer = layers.get(i);
      parameters.addAll(layer.parameters());
      for (Parameter p : layer.parameters()) {
        putTensor(p.name(), p.value());
      }
      for (Buffer b : layer.buffers()) {
        putTensor(b.name(), b.value());
      }
      boolean hasActivation = activations.get(i) != null;
      activationOutputs.add(hasActivation ? like.like(maxBatchRows, layer.outputSize()) : null);
      activationGradients.add(hasActivation ? like.like(maxBatchRows, layer.outputSize()) : null);
      layerOutputs.add(null);
    }
  }

  private void putTensor(String name, Matrix value) {
    if (tensors.putIfAbsent(name, value) != null) {
      throw new IllegalStateException("two tensors of the network are named " + name);
    }
  }

  /**
   * Creates the layers {@code specs} describe and allocates them for inputs {@code inputSize} wide;
   * their parameters are zero until {@link #initialize} or a loaded model sets them.
   *
   * @param doublePrecision float64 buffers and parameters (for gradient checks), else float32
   * @param layerRandomness the seeded stream each layer's own training-time stream is split from
   */
  public static Network build(
      List<ComponentSpec> specs,
      int inputSize,
      int maxBatchRows,
      boolean doublePrecision,
      ComponentFactory components,
      Kernels kernels,
      Rng layerRandomness) {
    Matrix like = doublePrecision ? Matrix.doubles(0, 0) : Matrix.floats(0, 0);
    List<Layer> layers = new ArrayList<>();
    List<ComponentSpec> activationSpecs = new ArrayList<>();
    List<Activation> activations = new ArrayList<>();
    Map<String, Rng> streams = new LinkedHashMap<>();
    int width = inputSize;
    for (int i = 0; i < specs.size(); i++) {
      Layer layer = components.create(specs.get(i), Layer.class);
      Rng stream = layerRandomness.split();
      streams.put("layers." + i, stream);
      layer.build(
          width, new Context("layers." + i, maxBatchRows, like, kernels, stream, components));
      layers.add(layer);
      ComponentSpec act = layer.activation();
      activationSpecs.add(act);
      activations.add(act == null ? null : components.create(act, Activation.class));
      width = layer.outputSize();
    }
    return new Network(
        layers, activationSpecs, activations, streams, inputSize, maxBatchRows, like, kernels);
  }

  private record Context(
      String name,
      int maxBatchRows,
      Matrix like,
      Kernels kernels,
      Rng rng,
      ComponentFactory components)
      implements LayerContext {
    @Override
    public Matrix matrix(int rows, int cols) {
      return like.like(rows, cols);
    }

    @Override
    public <T> T create(ComponentSpec spec, Class<T> type) {
      return components.create(spec, type);
    }
  }

  /** Gives every layer its starting values, in layer order, from {@code rng} alone. */
  public Network initialize(Rng rng) {
    for (Layer layer : layers) {
      layer.initialize(rng);
    }
    return this;
  }

  /** The network's output for {@code input}, a buffer valid until the next call. */
  public Matrix forward(Matrix input, boolean training) {
    if (input.cols() != inputSize) {
      throw new IllegalArgumentException(
          "input has " + input.cols() + " features, the network takes " + inputSize);
    }
    Matrix x = input;
    for (int i = 0; i < layers.size(); i++) {
      Matrix z = layers.get(i).forward(x, training);
      layerOutputs.set(i, z);
      Activation act = activations.get(i);
      if (act != null) {
        Matrix a = activationOutputs.get(i).setRows(z.rows());
        act.forward(z, a);
        x = a;
      } else {
        x = z;
      }
    }
    return x;
  }

  /** The last layer's output before its activation, from the last forward call. */
  public Matrix preActivationOutput() {
    return layerOutputs.get(layers.size() - 1);
  }

  /** The spec of the activation applied to the network's output, or null when there is none. */
  public ComponentSpec outputActivation() {
    return activationSpecs.get(layers.size() - 1);
  }

  /** Back-propagates {@code dLoss/dOutput}, filling every parameter's gradient. */
  public void backward(Matrix gradOutput) {
    backwardFrom(layers.size() - 1, gradOutput, true);
  }

  /** Back-propagates {@code dLoss/dPreActivation} of the last layer, skipping its activation. */
  public void backwardFromPreActivation(Matrix gradPreActivation) {
    backwardFrom(layers.size() - 1, gradPreActivation, false);
  }

  private void backwardFrom(int last, Matrix grad, boolean throughLastActivation) {
    Matrix g = grad;
    for (int i = last; i >= 0; i--) {
      Activation act = activations.get(i);
      if (act != null && (i != last || throughLastActivation)) {
        Matrix z = layerOutputs.get(i);
        Matrix gz = activationGradients.get(i).setRows(z.rows());
        act.backward(z, activationOutputs.get(i), g, gz);
        g = gz;
      }
      if (i == 0) {
        // Nothing takes the gradient of the network's input: for a dense first layer that is
        // the largest multiply of the step, left out.
        layers.get(0).backwardToParameters(g);
      } else {
        g = layers.get(i).backward(g);
      }
    }
  }

  /** Every trainable parameter, in layer order. */
  public List<Parameter> parameters() {
    return Collections.unmodifiableList(parameters);
  }

  /**
   * Every tensor a model file holds, by name, in a stable order: per layer, its parameters then its
   * buffers ({@code layers.0.weight}, {@code layers.0.bias}, {@code layers.1.running_mean}, ...),
   * as PyTorch's {@code state_dict} orders them. The matrices are the network's own.
   */
  public Map<String, Matrix> tensors() {
    return Collections.unmodifiableMap(tensors);
  }

  /**
   * Each layer's own random stream, by layer name ({@code layers.0}): checkpoints save their state
   * so that a resumed run draws the same dropout masks.
   */
  public Map<String, Rng> streams() {
    return streams;
  }

  /** The number of trainable values. */
  public long parameterCount() {
    long n = 0;
    for (Parameter p : parameters) {
      n += p.value().size();
    }
    return n;
  }

  /** The kernels the layers compute with: the run's threads, which an optimizer may share. */
  public Kernels kernels() {
    return kernels;
  }

  public List<Layer> layers() {
    return layers;
  }

  public int inputSize() {
    return inputSize;
  }

  public int outputSize() {
    return layers.get(layers.size() - 1).outputSize();
  }
}
