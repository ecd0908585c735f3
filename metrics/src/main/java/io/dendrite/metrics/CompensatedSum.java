package io.dendrite.metrics;

/**
 * A running sum in double with Neumaier's compensation, so that a test set of millions of values
 * sums as accurately as a few.
 */
final class CompensatedSum {
  private double sum;
  private double compensation;

  void reset() {
    sum = 0;
    compensation = 0;
  }

  void add(double x) {
    double t = sum + x;
    if (Math.abs(sum) >= Math.abs(x)) {
      compensation += (sum - t) + x;
    } else {
      compensation += (x - t) + sum;
    }
    sum = t;
  }

  double value() {
    return sum + compensation;
  }
}
