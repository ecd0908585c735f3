package io.dendrite.layers;

import io.dendrite.core.param.Param;
import io.dendrite.core.param.Params;
import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.Layer;
import io.dendrite.core.spi.LayerContext;
import io.dendrite.core.spi.LayerPlugin;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.core.tensor.Parameter;
import java.util.List;
import java.util.OptionalInt;

/**
 * Inverted dropout, as PyTorch's {@code nn.Dropout}.
 *
 * <p>In training, each value is zeroed with probability {@code rate} and the others are scaled by
 * {@code 1 / (1 - rate)}, so that the expected output is the input; in evaluation, the output is
 * the input.
 *
 * <p>The mask comes from the layer's own stream ({@link LayerContext#rng()}): one draw per value of
 * the batch, in row-major order, on the caller's thread, so it is the same whatever the thread
 * count. Backward multiplies by the mask of the last forward. In evaluation (and with rate 0, which
 * draws nothing) forward returns the input matrix itself and backward the gradient it is given:
 * nothing is copied.
 */
public final class DropoutLayer implements Layer {
  static final Param<Double> RATE =
      Param.number("rate", 0.5, "probability of zeroing each value in training")
          .atLeast(0)
          .lessThan(1);

  /** Registers the layer as {@code dropout}. */
  public static final class Plugin extends LayerPlugin.Base {
    /** As wide as its input. */
    @Override
    public OptionalInt outputSize(Params params, OptionalInt inputSize) {
      return inputSize;
    }

    public Plugin() {
      super(
          declare("dropout", "zeroes values with probability rate in training, scales the rest")
              .params(RATE),
          DropoutLayer::new);
    }
  }

  private final double rate;
  private final double scale;

  private Rng rng;
  private int width;
  private Matrix mask;
  private Matrix output;
  private Matrix gradInput;
  private boolean masked;

  private DropoutLayer(Params params) {
    this.rate = params.get(RATE);
    this.scale = 1 / (1 - rate);
  }

  @Override
  public void build(int inputSize, LayerContext context) {
    width = inputSize;
    rng = context.rng();
    mask = context.matrix(context.maxBatchRows(), inputSize);
    output = context.matrix(context.maxBatchRows(), inputSize);
    gradInput = context.matrix(context.maxBatchRows(), inputSize);
  }

  @Override
  public void initialize(Rng rng) {}

  @Override
  public int outputSize() {
    return width;
  }

  @Override
  public List<Parameter> parameters() {
    return List.of();
  }

  @Override
  public Matrix forward(Matrix input, boolean training) {
    masked = training && rate > 0;
    if (!masked) {
      return input;
    }
    int rows = input.rows();
    Matrix m = mask.setRows(rows);
    Matrix y = output.setRows(rows);
    int n = input.size();
    if (input.isDouble()) {
      double[] x = input.doubles();
      double[] ms = m.doubles();
      double[] ys = y.doubles();
      for (int i = 0; i < n; i++) {
        ms[i] = rng.nextDouble() < rate ? 0 : scale;
        ys[i] = x[i] * ms[i];
      }
    } else {
      float[] x = input.floats();
      float[] ms = m.floats();
      float[] ys = y.floats();
      float s = (float) scale;
      for (int i = 0; i < n; i++) {
        ms[i] = rng.nextDouble() < rate ? 0 : s;
        ys[i] = x[i] * ms[i];
      }
    }
    return y;
  }

  @Override
  public Matrix backward(Matrix gradOutput) {
    if (!masked) {
      return gradOutput;
    }
    Matrix dx = gradInput.setRows(gradOutput.rows());
    int n = gradOutput.size();
    for (int i = 0; i < n; i++) {
      dx.set(i, gradOutput.get(i) * mask.get(i));
    }
    return dx;
  }
}
