package org.example.dendrite;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.param.Params;
import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.Initializer;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.testkit.InitializerContract;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The initializer contract, and the zeros it promises. */
class SparseInitializerTests extends InitializerContract {
  @Override
  protected Plugin<Initializer> plugin() {
    return new SparseInitializer.Plugin();
  }

  @Test
  void zeroesTheGivenFractionOfEveryColumn() {
    Initializer init = plugin().create(Params.resolve(plugin().params(), Map.of("sparsity", 0.5)));
    Matrix w = Matrix.floats(10, 3);
    init.initialize(w, 3, 10, new Rng(4));
    for (int c = 0; c < 3; c++) {
      int zeros = 0;
      for (int r = 0; r < 10; r++) {
        zeros += w.get(r, c) == 0 ? 1 : 0;
      }
      assertThat(zeros).as("zeros in column %d", c).isEqualTo(5);
    }
  }
}
