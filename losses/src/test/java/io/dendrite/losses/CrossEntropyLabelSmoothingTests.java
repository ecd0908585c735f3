package io.dendrite.losses;

import io.dendrite.core.spi.Activation;
import io.dendrite.core.spi.Loss;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.testkit.LossContract;
import java.util.List;
import java.util.Map;

/** {@code cross_entropy} with {@code label_smoothing}, plain and fused with softmax. */
class CrossEntropyLabelSmoothingTests extends LossContract {
  private static final double EPSILON = 0.1;

  @Override
  protected Plugin<Loss> plugin() {
    return new CrossEntropyLoss.Plugin();
  }

  @Override
  protected Map<String, Object> parameters() {
    return Map.of("label_smoothing", EPSILON);
  }

  @Override
  protected List<String> fusableActivations() {
    return List.of("softmax");
  }

  @Override
  protected Activation activation(String id) {
    return ReferenceActivations.byId(id);
  }

  /** The smoothed targets: the minimum of cross-entropy is at the target distribution. */
  @Override
  protected Matrix perfectOutputs(Matrix targets) {
    Matrix out = targets.like(targets.rows(), targets.cols());
    for (int i = 0; i < out.size(); i++) {
      out.set(i, (1 - EPSILON) * targets.get(i) + EPSILON / targets.cols());
    }
    return out;
  }
}
