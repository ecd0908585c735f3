package io.dendrite.core.standin;

import io.dendrite.core.spi.Metric;
import io.dendrite.core.spi.MetricPlugin;
import io.dendrite.core.spi.MetricValue;
import io.dendrite.core.tensor.Matrix;

/** The fraction of rows whose largest output is the target's, for core's own tests. */
public final class StandInAccuracy implements Metric {
  /** Registered for core's tests as {@code accuracy}. */
  public static final class Plugin extends MetricPlugin.Base {
    public Plugin() {
      super("accuracy", "stand-in accuracy", StandInAccuracy::new);
    }
  }

  private long correct;
  private long seen;

  @Override
  public void reset() {
    correct = 0;
    seen = 0;
  }

  @Override
  public void update(Matrix output, Matrix targets) {
    for (int r = 0; r < output.rows(); r++) {
      if (argmax(output, r) == argmax(targets, r)) {
        correct++;
      }
    }
    seen += output.rows();
  }

  private static int argmax(Matrix m, int row) {
    int best = 0;
    for (int c = 1; c < m.cols(); c++) {
      if (m.get(row, c) > m.get(row, best)) {
        best = c;
      }
    }
    return best;
  }

  @Override
  public MetricValue result() {
    return MetricValue.of(seen == 0 ? Double.NaN : (double) correct / seen);
  }
}
