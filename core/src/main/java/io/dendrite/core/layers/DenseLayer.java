package io.dendrite.core.layers;

import io.dendrite.core.nn.Parameter;
import io.dendrite.core.param.ComponentSpec;
import io.dendrite.core.spi.Initializer;
import io.dendrite.core.spi.Layer;
import io.dendrite.core.spi.LayerContext;
import io.dendrite.core.tensor.Kernels;
import io.dendrite.core.tensor.Matrix;
import java.util.List;

/**
 * A fully connected layer: {@code y = x · Wᵀ + b}, with W stored {@code units x inputs} as in
 * PyTorch's {@code nn.Linear}.
 *
 * <p>Backward: {@code dW = dyᵀ · x}, {@code db = column sums of dy}, {@code dx = dy · W}.
 */
public final class DenseLayer implements Layer {
  private final int units;
  private final boolean useBias;
  private final ComponentSpec activation;
  private final ComponentSpec initializer;

  private Parameter weight;
  private Parameter bias;
  private Matrix output;
  private Matrix gradInput;
  private Matrix input;

  DenseLayer(int units, boolean useBias, ComponentSpec activation, ComponentSpec initializer) {
    this.units = units;
    this.useBias = useBias;
    this.activation = activation;
    this.initializer = initializer;
  }

  @Override
  public void initialize(int inputSize, LayerContext context) {
    Matrix w = context.matrix(units, inputSize);
    weight = new Parameter(context.name() + ".weight", w, context.matrix(units, inputSize));
    context.create(initializer, Initializer.class).initialize(w, inputSize, units, context.rng());
    if (useBias) {
      bias =
          new Parameter(
              context.name() + ".bias", context.matrix(1, units), context.matrix(1, units));
    }
    output = context.matrix(context.maxBatchRows(), units);
    gradInput = context.matrix(context.maxBatchRows(), inputSize);
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
    Kernels.multiplyTransposedB(x, weight.value(), y);
    if (useBias) {
      Kernels.addRowVector(y, bias.value());
    }
    return y;
  }

  @Override
  public Matrix backward(Matrix gradOutput) {
    Kernels.multiplyTransposedA(gradOutput, input, weight.gradient());
    if (useBias) {
      Kernels.sumRows(gradOutput, bias.gradient());
    }
    Matrix dx = gradInput.setRows(gradOutput.rows());
    Kernels.multiply(gradOutput, weight.value(), dx);
    return dx;
  }

  @Override
  public ComponentSpec activation() {
    return activation;
  }
}
