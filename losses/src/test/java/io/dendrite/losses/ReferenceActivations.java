package io.dendrite.losses;

import io.dendrite.core.spi.Activation;
import io.dendrite.core.spi.support.ElementwiseActivation;
import io.dendrite.core.spi.support.RowwiseActivation;

/**
 * Plain softmax, log-softmax and sigmoid, for comparing fused losses with the plain ones.
 *
 * <p>The fused losses must equal the plain loss of the activation's output, and the activations
 * module is not a dependency of this one.
 */
final class ReferenceActivations {
  private ReferenceActivations() {}

  static Activation byId(String id) {
    return switch (id) {
      case "softmax" -> new Softmax();
      case "log_softmax" -> new LogSoftmax();
      case "sigmoid" -> new Sigmoid();
      default -> null;
    };
  }

  private static final class Softmax extends RowwiseActivation {
    @Override
    protected void forwardRow(double[] z, double[] a, int n) {
      double max = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        max = Math.max(max, z[i]);
      }
      double sum = 0;
      for (int i = 0; i < n; i++) {
        a[i] = Math.exp(z[i] - max);
        sum += a[i];
      }
      for (int i = 0; i < n; i++) {
        a[i] /= sum;
      }
    }

    @Override
    protected void backwardRow(double[] z, double[] a, double[] gradA, double[] gradZ, int n) {
      double dot = 0;
      for (int i = 0; i < n; i++) {
        dot += gradA[i] * a[i];
      }
      for (int i = 0; i < n; i++) {
        gradZ[i] = a[i] * (gradA[i] - dot);
      }
    }
  }

  private static final class LogSoftmax extends RowwiseActivation {
    @Override
    protected void forwardRow(double[] z, double[] a, int n) {
      double max = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        max = Math.max(max, z[i]);
      }
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += Math.exp(z[i] - max);
      }
      double logSum = Math.log(sum);
      for (int i = 0; i < n; i++) {
        a[i] = z[i] - max - logSum;
      }
    }

    @Override
    protected void backwardRow(double[] z, double[] a, double[] gradA, double[] gradZ, int n) {
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += gradA[i];
      }
      for (int i = 0; i < n; i++) {
        gradZ[i] = gradA[i] - Math.exp(a[i]) * sum;
      }
    }
  }

  private static final class Sigmoid extends ElementwiseActivation {
    @Override
    protected double apply(double x) {
      return 1 / (1 + Math.exp(-x));
    }

    @Override
    protected double derivative(double x, double y) {
      return y * (1 - y);
    }
  }
}
