package io.dendrite.core.train;

import io.dendrite.core.tensor.Matrix;
import io.dendrite.core.tensor.Parameter;
import java.util.List;

/**
 * Clips a step's gradients before the optimizer applies them: every value into {@code [-value,
 * value]}, then all of them together to a global L2 norm of at most {@code norm}, as PyTorch's
 * {@code clip_grad_value_} and {@code clip_grad_norm_}.
 *
 * <p>The norm is summed in double over parameters in order and values in order, so it does not
 * depend on the thread count.
 */
public final class GradientClipping implements GradientProcessor {
  private final double value;
  private final double norm;

  /**
   * @param value the largest absolute gradient value, or {@code Double.POSITIVE_INFINITY}
   * @param norm the largest global L2 norm, or {@code Double.POSITIVE_INFINITY}
   */
  public GradientClipping(double value, double norm) {
    if (!(value > 0) || !(norm > 0)) {
      throw new IllegalArgumentException(
          "clip bounds must be > 0: value " + value + ", norm " + norm);
    }
    this.value = value;
    this.norm = norm;
  }

  @Override
  public void process(TrainingContext context, List<Parameter> parameters) {
    if (value != Double.POSITIVE_INFINITY) {
      for (int k = 0; k < parameters.size(); k++) {
        clampValues(parameters.get(k).gradient(), value);
      }
    }
    if (norm != Double.POSITIVE_INFINITY) {
      double total = globalNorm(parameters);
      // PyTorch's clip_grad_norm_: scale by max_norm / (total + 1e-6) when that is below 1.
      double scale = norm / (total + 1e-6);
      if (scale < 1) {
        for (int k = 0; k < parameters.size(); k++) {
          scale(parameters.get(k).gradient(), scale);
        }
      }
    }
  }

  /** The L2 norm of every gradient value together. */
  static double globalNorm(List<Parameter> parameters) {
    double sum = 0;
    for (int k = 0; k < parameters.size(); k++) {
      Matrix g = parameters.get(k).gradient();
      int n = g.size();
      if (g.isDouble()) {
        double[] d = g.doubles();
        for (int i = 0; i < n; i++) {
          sum += d[i] * d[i];
        }
      } else {
        float[] f = g.floats();
        for (int i = 0; i < n; i++) {
          sum += (double) f[i] * f[i];
        }
      }
    }
    return Math.sqrt(sum);
  }

  private static void clampValues(Matrix g, double bound) {
    int n = g.size();
    if (g.isDouble()) {
      double[] d = g.doubles();
      for (int i = 0; i < n; i++) {
        d[i] = Math.max(-bound, Math.min(bound, d[i]));
      }
    } else {
      float[] f = g.floats();
      float b = (float) bound;
      for (int i = 0; i < n; i++) {
        f[i] = Math.max(-b, Math.min(b, f[i]));
      }
    }
  }

  private static void scale(Matrix g, double factor) {
    int n = g.size();
    if (g.isDouble()) {
      double[] d = g.doubles();
      for (int i = 0; i < n; i++) {
        d[i] *= factor;
      }
    } else {
      float[] f = g.floats();
      float s = (float) factor;
      for (int i = 0; i < n; i++) {
        f[i] *= s;
      }
    }
  }
}
