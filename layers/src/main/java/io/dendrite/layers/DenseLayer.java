package io.dendrite.layers;

import io.dendrite.core.param.Param;
import io.dendrite.core.param.Params;
import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.ComponentSpec;
import io.dendrite.core.spi.Initializer;
import io.dendrite.core.spi.Layer;
import io.dendrite.core.spi.LayerContext;
import io.dendrite.core.spi.LayerPlugin;
import io.dendrite.core.spi.PluginKind;
import io.dendrite.core.tensor.Kernels;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.core.tensor.Parameter;
import java.util.List;

/**
 * A fully connected layer: {@code y = x · Wᵀ + b}, with W stored {@code units x inputs} as in
 * PyTorch's {@code nn.Linear}.
 *
 * <p>Backward: {@code dW = dyᵀ · x}, {@code db = column sums of dy}, {@code dx = dy · W}.
 */
public final class DenseLayer implements Layer {
  static final Param<Integer> UNITS =
      Param.integer("units", 1, "number of outputs").atLeast(1).required();
  static final Param<ComponentSpec> ACTIVATION =
      PluginKind.ACTIVATION
          .param("activation", null, "applied to the outputs; none when left out")
          .optional();
  static final Param<ComponentSpec> INITIALIZER =
      PluginKind.INITIALIZER.param(
          "initializer", "xavier_uniform", "starting values of the weights");
  static final Param<Boolean> USE_BIAS = Param.bool("use_bias", true, "add a learned bias");

  /** Registers the layer as {@code dense}. */
  public static final class Plugin extends LayerPlugin.Base {
    public Plugin() {
      super(
          declare("dense", "fully connected layer y = x·Wᵀ + b, then the activation")
              .aliases("linear", "fully_connected")
              .params(UNITS, ACTIVATION, INITIALIZER, USE_BIAS),
          DenseLayer::new);
    }
  }

  private final int units;
  private final boolean useBias;
  private final ComponentSpec activation;
  private final ComponentSpec initializerSpec;

  private Initializer initializer;
  private Kernels kernels;
  private int inputSize;
  private Parameter weight;
  private Parameter bias;
  private Matrix output;
  private Matrix gradInput;
  private Matrix input;

  private DenseLayer(Params params) {
    this.units = params.get(UNITS);
    this.useBias = params.get(USE_BIAS);
    this.activation = params.has(ACTIVATION) ? params.get(ACTIVATION) : null;
    this.initializerSpec = params.get(INITIALIZER);
  }

  @Override
  public void build(int inputSize, LayerContext context) {
    this.inputSize = inputSize;
    kernels = context.kernels();
    initializer = context.create(initializerSpec, Initializer.class);
    weight =
        new Parameter(
            context.name() + ".weight",
            context.matrix(units, inputSize),
            context.matrix(units, inputSize));
    if (useBias) {
      bias =
          new Parameter(
              context.name() + ".bias", context.matrix(1, units), context.matrix(1, units));
    }
    output = context.matrix(context.maxBatchRows(), units);
    gradInput = context.matrix(context.maxBatchRows(), inputSize);
  }

  @Override
  public void initialize(Rng rng) {
    initializer.initialize(weight.value(), inputSize, units, rng);
    if (useBias) {
      bias.value().fill(0);
    }
  }

  @Override
  public int outputSize() {
    return units;
  }

  @Override
  public List<Parameter> parameters() {
    return useBias ? List.of(weight, bias) : List.of(weight);
  }

  @Override
  public Matrix forward(Matrix x, boolean training) {
    input = x;
    Matrix y = output.setRows(x.rows());
    kernels.multiplyTransposedB(x, weight.value(), y);
    if (useBias) {
      kernels.addRowVector(y, bias.value());
    }
    return y;
  }

  @Override
  public Matrix backward(Matrix gradOutput) {
    kernels.multiplyTransposedA(gradOutput, input, weight.gradient());
    if (useBias) {
      kernels.sumRows(gradOutput, bias.gradient());
    }
    Matrix dx = gradInput.setRows(gradOutput.rows());
    kernels.multiply(gradOutput, weight.value(), dx);
    return dx;
  }

  @Override
  public ComponentSpec activation() {
    return activation;
  }
}
