package io.dendrite.layers;

import io.dendrite.core.param.Param;
import io.dendrite.core.param.Params;
import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.Layer;
import io.dendrite.core.spi.LayerContext;
import io.dendrite.core.spi.LayerPlugin;
import io.dendrite.core.tensor.Buffer;
import io.dendrite.core.tensor.Kernels;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.core.tensor.Parameter;
import java.util.List;
import java.util.OptionalInt;

/**
 * Batch normalization of each feature, as PyTorch's {@code nn.BatchNorm1d}.
 *
 * <p>{@code y = weight · (x - μ) / sqrt(σ² + epsilon) + bias}.
 *
 * <p>In training, μ and σ² are the batch's mean and biased variance per feature, and the running
 * statistics move towards the batch's: {@code running = (1 - momentum) · running + momentum ·
 * batch}, with the unbiased variance for {@code running_var}; {@code num_batches_tracked} counts
 * the batches. In evaluation, μ and σ² are the running statistics. A batch of one row has no
 * variance: it is normalized to the bias and leaves the running statistics as they are (PyTorch
 * refuses it).
 *
 * <p>Backward in training, with {@code x̂ = (x - μ) / sqrt(σ² + ε)} and n rows: {@code dbias = Σ
 * dy}, {@code dweight = Σ dy · x̂}, {@code dx = weight / sqrt(σ² + ε) · (dy - dbias / n - x̂ ·
 * dweight / n)}; in evaluation, {@code dx = weight / sqrt(σ² + ε) · dy}.
 *
 * <p>Its tensors are named as PyTorch's {@code state_dict} names them: parameters {@code weight}
 * (starts at 1) and {@code bias} (0), buffers {@code running_mean} (0), {@code running_var} (1) and
 * {@code num_batches_tracked} (0, a 1x1 count), all {@code 1 x features} but the count. Statistics
 * are summed in double precision on the caller's thread.
 */
public final class BatchNormLayer implements Layer {
  static final Param<Double> MOMENTUM =
      Param.number(
              "momentum",
              0.1,
              "weight of the batch in the running statistics (PyTorch's; Keras's is 1 - this)")
          .atLeast(0)
          .atMost(1);
  static final Param<Double> EPSILON =
      Param.number("epsilon", 1e-5, "added to the variance before its square root").greaterThan(0);

  /** Registers the layer as {@code batch_norm}. */
  public static final class Plugin extends LayerPlugin.Base {
    /** As wide as its input. */
    @Override
    public OptionalInt outputSize(Params params, OptionalInt inputSize) {
      return inputSize;
    }

    public Plugin() {
      super(
          declare(
                  "batch_norm",
                  "normalizes each feature over the batch (running statistics in evaluation),"
                      + " then scales and shifts")
              .aliases("batch_normalization")
              .params(MOMENTUM, EPSILON),
          BatchNormLayer::new);
    }
  }

  private final double momentum;
  private final double epsilon;

  private Kernels kernels;
  private int width;
  private Parameter weight;
  private Parameter bias;
  private Buffer runningMean;
  private Buffer runningVar;
  private Buffer batchesTracked;
  private Matrix output;
  private Matrix normalized;
  private Matrix gradInput;
  private double[] mean;
  private double[] invStd;
  private double[] sums;
  private double[] products;
  private boolean lastTraining;

  private BatchNormLayer(Params params) {
    this.momentum = params.get(MOMENTUM);
    this.epsilon = params.get(EPSILON);
  }

  @Override
  public void build(int inputSize, LayerContext context) {
    width = inputSize;
    kernels = context.kernels();
    String name = context.name();
    weight = new Parameter(name + ".weight", context.matrix(1, width), context.matrix(1, width));
    bias = new Parameter(name + ".bias", context.matrix(1, width), context.matrix(1, width));
    runningMean = new Buffer(name + ".running_mean", context.matrix(1, width));
    runningVar = new Buffer(name + ".running_var", context.matrix(1, width));
    batchesTracked = new Buffer(name + ".num_batches_tracked", context.matrix(1, 1));
    int rows = context.maxBatchRows();
    output = context.matrix(rows, width);
    normalized = context.matrix(rows, width);
    gradInput = context.matrix(rows, width);
    mean = new double[width];
    invStd = new double[width];
    sums = new double[width];
    products = new double[width];
  }

  @Override
  public void initialize(Rng rng) {
    weight.value().fill(1);
    bias.value().fill(0);
    runningMean.value().fill(0);
    runningVar.value().fill(1);
    batchesTracked.value().fill(0);
  }

  @Override
  public int outputSize() {
    return width;
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(weight, bias);
  }

  @Override
  public List<Buffer> buffers() {
    return List.of(runningMean, runningVar, batchesTracked);
  }

  @Override
  public Matrix forward(Matrix x, boolean training) {
    int n = x.rows();
    lastTraining = training;
    if (training) {
      batchStatistics(x, n);
    } else {
      Matrix rm = runningMean.value();
      Matrix rv = runningVar.value();
      for (int j = 0; j < width; j++) {
        mean[j] = rm.get(j);
        invStd[j] = 1 / Math.sqrt(rv.get(j) + epsilon);
      }
    }
    Matrix xhat = normalized.setRows(n);
    Matrix y = output.setRows(n);
    Matrix w = weight.value();
    Matrix b = bias.value();
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < width; j++) {
        double h = (x.get(i, j) - mean[j]) * invStd[j];
        xhat.set(i, j, h);
        y.set(i, j, w.get(j) * h + b.get(j));
      }
    }
    return y;
  }

  /** The batch's mean and biased variance into mean and invStd; the running statistics move. */
  private void batchStatistics(Matrix x, int n) {
    java.util.Arrays.fill(sums, 0);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < width; j++) {
        sums[j] += x.get(i, j);
      }
    }
    for (int j = 0; j < width; j++) {
      mean[j] = sums[j] / n;
    }
    java.util.Arrays.fill(sums, 0);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < width; j++) {
        double d = x.get(i, j) - mean[j];
        sums[j] += d * d;
      }
    }
    Matrix rm = runningMean.value();
    Matrix rv = runningVar.value();
    for (int j = 0; j < width; j++) {
      double variance = sums[j] / n;
      invStd[j] = 1 / Math.sqrt(variance + epsilon);
      if (n > 1) {
        rm.set(j, (1 - momentum) * rm.get(j) + momentum * mean[j]);
        rv.set(j, (1 - momentum) * rv.get(j) + momentum * sums[j] / (n - 1));
      }
    }
    if (n > 1) {
      batchesTracked.value().set(0, batchesTracked.value().get(0) + 1);
    }
  }

  @Override
  public Matrix backward(Matrix gradOutput) {
    int n = gradOutput.rows();
    Matrix xhat = normalized;
    kernels.sumRows(gradOutput, bias.gradient());
    // Sums of dy and dy·x̂ per feature in double precision: the input gradient needs both.
    java.util.Arrays.fill(sums, 0);
    java.util.Arrays.fill(products, 0);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < width; j++) {
        double g = gradOutput.get(i, j);
        sums[j] += g;
        products[j] += g * xhat.get(i, j);
      }
    }
    Matrix dw = weight.gradient();
    for (int j = 0; j < width; j++) {
      dw.set(j, products[j]);
    }
    Matrix w = weight.value();
    Matrix dx = gradInput.setRows(n);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < width; j++) {
        double scale = w.get(j) * invStd[j];
        double g = gradOutput.get(i, j);
        dx.set(
            i,
            j,
            lastTraining
                ? scale * (g - sums[j] / n - xhat.get(i, j) * products[j] / n)
                : scale * g);
      }
    }
    return dx;
  }
}
