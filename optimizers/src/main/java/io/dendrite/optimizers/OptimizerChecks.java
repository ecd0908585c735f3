package io.dendrite.optimizers;

import io.dendrite.core.tensor.Matrix;
import io.dendrite.core.tensor.Parameter;
import java.util.Map;
import java.util.Set;

/** Checks shared by the optimizers, with messages that name the optimizer and the parameter. */
final class OptimizerChecks {
  private OptimizerChecks() {}

  /** Refuses float64 parameters: the update loops are float32, like training. */
  static void requireFloat32(String optimizer, Parameter p) {
    if (p.value().isDouble() || p.gradient().isDouble()) {
      throw new IllegalArgumentException(
          optimizer
              + " updates float32 parameters only, but "
              + p.name()
              + " holds float64 values");
    }
  }

  /** A learning rate a schedule may set: finite and not negative (0 pauses training). */
  static double requireLearningRate(double learningRate) {
    if (!(learningRate >= 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException(
          "learning rate must be finite and >= 0, found " + learningRate);
    }
    return learningRate;
  }

  /** Refuses state entries no part of the optimizer claimed, e.g. from another optimizer. */
  static void requireAllUsed(String optimizer, Map<String, Matrix> state, Set<String> used) {
    for (String key : state.keySet()) {
      if (!used.contains(key)) {
        throw new IllegalArgumentException(
            "optimizer state '" + key + "' is not " + optimizer + " state");
      }
    }
  }
}
