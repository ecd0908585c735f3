package io.dendrite.layers;

import io.dendrite.core.param.Param;
import io.dendrite.core.param.Params;
import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.ComponentSpec;
import io.dendrite.core.spi.Initializer;
import io.dendrite.core.spi.Layer;
import io.dendrite.core.spi.LayerContext;
import io.dendrite.core.spi.LayerPlugin;
import io.dendrite.core.spi.Outputs;
import io.dendrite.core.spi.PluginKind;
import io.dendrite.core.tensor.Kernels;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.core.tensor.Parameter;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A fully connected layer: {@code y = x · Wᵀ + b}, with W stored {@code units x inputs} as in
 * PyTorch's {@code nn.Linear}.
 *
 * <p>Backward: {@code dW = dyᵀ · x}, {@code db = column sums of dy}, {@code dx = dy · W}.
 *
 * <p>Without an {@code initializer}, the weights start as suits the activation: {@code he_normal}
 * after one of the ReLU family, {@code xavier_uniform} otherwise. The weights are drawn first, then
 * the bias (a {@code 1 x units} matrix to its initializer: fan-in {@code units}, fan-out 1).
 */
public final class DenseLayer implements Layer {
  static final Param<Integer> UNITS =
      Param.integer("units", 1, "number of outputs").atLeast(1).required();
  static final Param<ComponentSpec> ACTIVATION =
      PluginKind.ACTIVATION
          .param("activation", null, "applied to the outputs; none when left out")
          .optional();
  static final Param<ComponentSpec> INITIALIZER =
      PluginKind.INITIALIZER
          .param(
              "initializer",
              null,
              "starting weights; by default he_normal after a ReLU-family activation, else"
                  + " xavier_uniform")
          .optional();
  static final Param<Boolean> USE_BIAS = Param.bool("use_bias", true, "add a learned bias");
  static final Param<ComponentSpec> BIAS_INITIALIZER =
      PluginKind.INITIALIZER.param("bias_initializer", "zeros", "starting values of the bias");

  /** Activations after which the weights start {@code he_normal}: ReLU and its relatives. */
  static final Set<String> RELU_FAMILY =
      Set.of(
          "relu",
          "leaky_relu",
          "elu",
          "selu",
          "gelu",
          "silu",
          "swish",
          "mish",
          "relu6",
          "celu",
          "softplus");

  /** Registers the layer as {@code dense}. */
  public static final class Plugin extends LayerPlugin.Base {
    @Override
    public OptionalInt outputSize(Params params, OptionalInt inputSize) {
      return OptionalInt.of(params.get(UNITS));
    }

    /** Without an activation the outputs are the affine map's: any real values. */
    @Override
    public Outputs outputs(Params params) {
      return params.has(ACTIVATION) ? Outputs.UNKNOWN : Outputs.REAL;
    }

    public Plugin() {
      super(
          declare("dense", "fully connected layer y = x·Wᵀ + b, then the activation")
              .aliases("linear", "fully_connected")
              .params(UNITS, ACTIVATION, INITIALIZER, USE_BIAS, BIAS_INITIALIZER),
          DenseLayer::new);
    }

    @Override
    public Map<String, Object> derivedDefaults(Params params) {
      return params.has(INITIALIZER)
          ? Map.of()
          : Map.of(INITIALIZER.name(), defaultInitializer(activation(params)));
    }
  }

  /** The weights' initializer when none is given: the one that suits {@code activation}. */
  static ComponentSpec defaultInitializer(ComponentSpec activation) {
    boolean reluFamily = activation != null && RELU_FAMILY.contains(activation.id());
    return ComponentSpec.of(PluginKind.INITIALIZER, reluFamily ? "he_normal" : "xavier_uniform");
  }

  private static ComponentSpec activation(Params params) {
    return params.has(ACTIVATION) ? params.get(ACTIVATION) : null;
  }

  private final int units;
  private final boolean useBias;
  private final ComponentSpec activation;
  private final ComponentSpec initializerSpec;
  private final ComponentSpec biasInitializerSpec;

  private Initializer initializer;
  private Initializer biasInitializer;
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
    this.activation = activation(params);
    this.initializerSpec =
        params.has(INITIALIZER) ? params.get(INITIALIZER) : defaultInitializer(activation);
    this.biasInitializerSpec = params.get(BIAS_INITIALIZER);
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
      biasInitializer = context.create(biasInitializerSpec, Initializer.class);
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
      biasInitializer.initialize(bias.value(), units, 1, rng);
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
    if (useBias) {
      kernels.multiplyTransposedBAddRow(x, weight.value(), bias.value(), y);
    } else {
      kernels.multiplyTransposedB(x, weight.value(), y);
    }
    return y;
  }

  @Override
  public Matrix backward(Matrix gradOutput) {
    backwardToParameters(gradOutput);
    Matrix dx = gradInput.setRows(gradOutput.rows());
    kernels.multiply(gradOutput, weight.value(), dx);
    return dx;
  }

  @Override
  public void backwardToParameters(Matrix gradOutput) {
    kernels.multiplyTransposedA(gradOutput, input, weight.gradient());
    if (useBias) {
      kernels.sumRows(gradOutput, bias.gradient());
    }
  }

  @Override
  public ComponentSpec activation() {
    return activation;
  }
}
