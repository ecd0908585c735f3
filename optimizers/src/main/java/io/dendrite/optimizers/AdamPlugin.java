package io.dendrite.optimizers;

import io.dendrite.core.param.Param;
import io.dendrite.core.param.Params;
import io.dendrite.core.spi.Optimizer;
import io.dendrite.core.spi.OptimizerPlugin;
import java.util.List;

/** Registers {@link AdamOptimizer} as {@code adam}. */
public final class AdamPlugin implements OptimizerPlugin {
  public static final Param<Double> LEARNING_RATE =
      Param.number("learning_rate", 0.001, "step size").greaterThan(0);
  public static final Param<Double> BETA1 =
      Param.number("beta1", 0.9, "decay rate of the gradient's running mean")
          .atLeast(0)
          .lessThan(1);
  public static final Param<Double> BETA2 =
      Param.number("beta2", 0.999, "decay rate of the squared gradient's running mean")
          .atLeast(0)
          .lessThan(1);
  public static final Param<Double> EPSILON =
      Param.number("epsilon", 1e-8, "added to the denominator for numerical stability")
          .greaterThan(0);
  public static final Param<Double> WEIGHT_DECAY =
      Param.number(
              "weight_decay", 0.0, "L2 penalty: adds weight_decay * p to each gradient (not AdamW)")
          .atLeast(0);

  @Override
  public String id() {
    return "adam";
  }

  @Override
  public String summary() {
    return "Adam with bias correction, as torch.optim.Adam";
  }

  @Override
  public List<Param<?>> params() {
    return List.of(LEARNING_RATE, BETA1, BETA2, EPSILON, WEIGHT_DECAY);
  }

  @Override
  public Optimizer create(Params params) {
    return new AdamOptimizer(
        params.get(LEARNING_RATE),
        params.get(BETA1),
        params.get(BETA2),
        params.get(EPSILON),
        params.get(WEIGHT_DECAY));
  }
}
