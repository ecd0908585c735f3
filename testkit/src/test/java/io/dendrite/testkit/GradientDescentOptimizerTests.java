package io.dendrite.testkit;

import io.dendrite.core.spi.Optimizer;
import io.dendrite.core.spi.Plugin;

/** The optimizer contract passes for a correct stateless optimizer. */
class GradientDescentOptimizerTests extends OptimizerContract {
  @Override
  protected Plugin<Optimizer> plugin() {
    return new Fixtures.GradientDescentPlugin();
  }
}
