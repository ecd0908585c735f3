package org.example.dendrite;

import io.dendrite.core.param.Param;
import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.Initializer;
import io.dendrite.core.spi.InitializerPlugin;
import io.dendrite.core.tensor.Matrix;

/**
 * Sparse initialization (Martens, 2010), as PyTorch's {@code sparse_}: normal values, with a
 * fraction of each input's weights set to zero.
 */
public final class SparseInitializer implements Initializer {
  static final Param<Double> SPARSITY =
      Param.number("sparsity", 0.1, "fraction of each column's weights set to 0")
          .atLeast(0)
          .lessThan(1);
  static final Param<Double> STD =
      Param.number("std", 0.01, "standard deviation of the other weights").greaterThan(0);

  /** Registers the initializer as {@code sparse}. */
  public static final class Plugin extends InitializerPlugin.Base {
    public Plugin() {
      super(
          declare("sparse", "normal values with a fraction of each column set to 0")
              .params(SPARSITY, STD),
          params -> new SparseInitializer(params.get(SPARSITY), params.get(STD)));
    }
  }

  private final double sparsity;
  private final double std;

  SparseInitializer(double sparsity, double std) {
    this.sparsity = sparsity;
    this.std = std;
  }

  @Override
  public void initialize(Matrix weights, int fanIn, int fanOut, Rng rng) {
    int zeros = (int) Math.floor(sparsity * fanOut);
    int[] rows = new int[fanOut];
    for (int col = 0; col < fanIn; col++) {
      for (int row = 0; row < fanOut; row++) {
        weights.set(row, col, std * rng.nextGaussian());
        rows[row] = row;
      }
      rng.shuffle(rows);
      for (int k = 0; k < zeros; k++) {
        weights.set(rows[k], col, 0);
      }
    }
  }
}
