package io.dendrite.testkit;

import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.Loss;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.tensor.Matrix;
import java.util.OptionalDouble;

/** The loss contract passes for a correct regression loss with its own samples. */
class MeanAbsoluteErrorLossTests extends LossContract {
  @Override
  protected Plugin<Loss> plugin() {
    return new Fixtures.MeanAbsoluteErrorPlugin();
  }

  @Override
  protected Sample sample(int rows, int cols, Rng rng) {
    Matrix outputs = Matrix.doubles(rows, cols);
    Matrix targets = Matrix.doubles(rows, cols);
    for (int i = 0; i < outputs.size(); i++) {
      targets.set(i, rng.nextGaussian());
      // At least 0.1 from the target, where the absolute value has its kink.
      double offset = 0.1 + rng.nextDouble();
      outputs.set(i, targets.get(i) + (rng.nextInt(2) == 0 ? offset : -offset));
    }
    return new Sample(outputs, targets);
  }

  @Override
  protected OptionalDouble lossAtPerfectOutputs() {
    return OptionalDouble.of(0);
  }
}
