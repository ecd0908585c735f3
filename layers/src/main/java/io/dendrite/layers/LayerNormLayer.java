package io.dendrite.layers;

import io.dendrite.core.param.Param;
import io.dendrite.core.param.Params;
import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.Layer;
import io.dendrite.core.spi.LayerContext;
import io.dendrite.core.spi.LayerPlugin;
import io.dendrite.core.tensor.Kernels;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.core.tensor.Parameter;
import java.util.List;
import java.util.OptionalInt;

/**
 * Layer normalization over the features of each example, as PyTorch's {@code nn.LayerNorm}.
 *
 * <p>{@code y = weight ⊙ (x - μ) / sqrt(σ² + epsilon) + bias}, with μ and σ² the mean and biased
 * variance of the row. Training and evaluation are the same; it keeps no running statistics.
 *
 * <p>Backward per row of C features, with {@code x̂ = (x - μ) / sqrt(σ² + ε)} and {@code dx̂ = dy ⊙
 * weight}: {@code dx = (dx̂ - Σ dx̂ / C - x̂ · Σ (dx̂ · x̂) / C) / sqrt(σ² + ε)}; {@code dweight =
 * Σ over rows of dy · x̂}, {@code dbias = Σ over rows of dy}. Without {@code elementwise_affine} it
 * has no parameters and {@code y = x̂}. Statistics are summed in double precision on the caller's
 * thread.
 */
public final class LayerNormLayer implements Layer {
  static final Param<Double> EPSILON =
      Param.number("epsilon", 1e-5, "added to the variance before its square root").greaterThan(0);
  static final Param<Boolean> ELEMENTWISE_AFFINE =
      Param.bool(
          "elementwise_affine", true, "learn a weight (from 1) and a bias (from 0) per feature");

  /** Registers the layer as {@code layer_norm}. */
  public static final class Plugin extends LayerPlugin.Base {
    /** As wide as its input. */
    @Override
    public OptionalInt outputSize(Params params, OptionalInt inputSize) {
      return inputSize;
    }

    public Plugin() {
      super(
          declare(
                  "layer_norm",
                  "normalizes the features of each example, then scales and shifts them")
              .aliases("layer_normalization")
              .params(EPSILON, ELEMENTWISE_AFFINE),
          LayerNormLayer::new);
    }
  }

  private final double epsilon;
  private final boolean affine;

  private Kernels kernels;
  private int width;
  private Parameter weight;
  private Parameter bias;
  private Matrix output;
  private Matrix normalized;
  private Matrix gradInput;
  private double[] invStd;
  private double[] products;

  private LayerNormLayer(Params params) {
    this.epsilon = params.get(EPSILON);
    this.affine = params.get(ELEMENTWISE_AFFINE);
  }

  @Override
  public void build(int inputSize, LayerContext context) {
    width = inputSize;
    kernels = context.kernels();
    if (affine) {
      weight =
          new Parameter(
              context.name() + ".weight", context.matrix(1, width), context.matrix(1, width));
      bias =
          new Parameter(
              context.name() + ".bias", context.matrix(1, width), context.matrix(1, width));
    }
    int rows = context.maxBatchRows();
    output = context.matrix(rows, width);
    normalized = context.matrix(rows, width);
    gradInput = context.matrix(rows, width);
    invStd = new double[rows];
    products = new double[width];
  }

  @Override
  public void initialize(Rng rng) {
    if (affine) {
      weight.value().fill(1);
      bias.value().fill(0);
    }
  }

  @Override
  public int outputSize() {
    return width;
  }

  @Override
  public List<Parameter> parameters() {
    return affine ? List.of(weight, bias) : List.of();
  }

  @Override
  public Matrix forward(Matrix x, boolean training) {
    int n = x.rows();
    Matrix xhat = normalized.setRows(n);
    Matrix y = output.setRows(n);
    for (int i = 0; i < n; i++) {
      double sum = 0;
      for (int j = 0; j < width; j++) {
        sum += x.get(i, j);
      }
      double mean = sum / width;
      double squares = 0;
      for (int j = 0; j < width; j++) {
        double d = x.get(i, j) - mean;
        squares += d * d;
      }
      double inv = 1 / Math.sqrt(squares / width + epsilon);
      invStd[i] = inv;
      for (int j = 0; j < width; j++) {
        double h = (x.get(i, j) - mean) * inv;
        xhat.set(i, j, h);
        y.set(i, j, affine ? weight.value().get(j) * h + bias.value().get(j) : h);
      }
    }
    return y;
  }

  @Override
  public Matrix backward(Matrix gradOutput) {
    int n = gradOutput.rows();
    Matrix xhat = normalized;
    Matrix dx = gradInput.setRows(n);
    if (affine) {
      kernels.sumRows(gradOutput, bias.gradient());
      java.util.Arrays.fill(products, 0);
    }
    for (int i = 0; i < n; i++) {
      double sum = 0;
      double dot = 0;
      for (int j = 0; j < width; j++) {
        double g = gradOutput.get(i, j);
        double h = xhat.get(i, j);
        double dh = affine ? g * weight.value().get(j) : g;
        sum += dh;
        dot += dh * h;
        if (affine) {
          products[j] += g * h;
        }
      }
      double inv = invStd[i];
      for (int j = 0; j < width; j++) {
        double g = gradOutput.get(i, j);
        double dh = affine ? g * weight.value().get(j) : g;
        dx.set(i, j, inv * (dh - sum / width - xhat.get(i, j) * dot / width));
      }
    }
    if (affine) {
      Matrix dw = weight.gradient();
      for (int j = 0; j < width; j++) {
        dw.set(j, products[j]);
      }
    }
    return dx;
  }
}
