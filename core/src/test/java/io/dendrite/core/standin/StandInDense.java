package io.dendrite.core.standin;

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
 * A fully connected layer for core's own tests, which cannot depend on the layers module: {@code y
 * = x·Wᵀ + b}, then the activation, with the real layer's id and parameters.
 */
public final class StandInDense implements Layer {
  static final Param<Integer> UNITS =
      Param.integer("units", 1, "number of outputs").atLeast(1).required();
  static final Param<ComponentSpec> ACTIVATION =
      PluginKind.ACTIVATION.param("activation", null, "applied to the outputs").optional();
  static final Param<ComponentSpec> INITIALIZER =
      PluginKind.INITIALIZER.param("initializer", "xavier_uniform", "starting weights");

  /** Registered for core's tests as {@code dense}. */
  public static final class Plugin extends LayerPlugin.Base {
    public Plugin() {
      super(
          declare("dense", "stand-in fully connected layer")
              .aliases("linear")
              .params(UNITS, ACTIVATION, INITIALIZER),
          StandInDense::new);
    }
  }

  private final int units;
  private final ComponentSpec activation;
  private final ComponentSpec initializerSpec;
  private Initializer initializer;
  private Kernels kernels;
  private int inputs;
  private Parameter weight;
  private Parameter bias;
  private Matrix output;
  private Matrix gradInput;
  private Matrix input;

  private StandInDense(Params params) {
    units = params.get(UNITS);
    activation = params.has(ACTIVATION) ? params.get(ACTIVATION) : null;
    initializerSpec = params.get(INITIALIZER);
  }

  @Override
  public void build(int inputSize, LayerContext context) {
    inputs = inputSize;
    kernels = context.kernels();
    initializer = context.create(initializerSpec, Initializer.class);
    weight =
        new Parameter(
            context.name() + ".weight",
            context.matrix(units, inputSize),
            context.matrix(units, inputSize));
    bias =
        new Parameter(context.name() + ".bias", context.matrix(1, units), context.matrix(1, units));
    output = context.matrix(context.maxBatchRows(), units);
    gradInput = context.matrix(context.maxBatchRows(), inputSize);
  }

  @Override
  public void initialize(Rng rng) {
    initializer.initialize(weight.value(), inputs, units, rng);
  }

  @Override
  public int outputSize() {
    return units;
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(weight, bias);
  }

  @Override
  public Matrix forward(Matrix x, boolean training) {
    input = x;
    Matrix y = output.setRows(x.rows());
    kernels.multiplyTransposedB(x, weight.value(), y);
    kernels.addRowVector(y, bias.value());
    return y;
  }

  @Override
  public Matrix backward(Matrix gradOutput) {
    kernels.multiplyTransposedA(gradOutput, input, weight.gradient());
    kernels.sumRows(gradOutput, bias.gradient());
    Matrix dx = gradInput.setRows(gradOutput.rows());
    kernels.multiply(gradOutput, weight.value(), dx);
    return dx;
  }

  @Override
  public ComponentSpec activation() {
    return activation;
  }
}
