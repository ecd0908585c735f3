package io.dendrite.optimizers;

import io.dendrite.core.param.Param;
import io.dendrite.core.param.Params;
import io.dendrite.core.spi.Optimizer;
import io.dendrite.core.spi.OptimizerPlugin;
import java.util.List;

/** Registers {@link SgdOptimizer} as {@code sgd}. */
public final class SgdPlugin implements OptimizerPlugin {
  public static final Param<Double> LEARNING_RATE =
      Param.number("learning_rate", 0.01, "step size").greaterThan(0);
  public static final Param<Double> MOMENTUM =
      Param.number("momentum", 0.0, "momentum factor; 0 turns momentum off").atLeast(0).lessThan(1);
  public static final Param<Boolean> NESTEROV =
      Param.bool("nesterov", false, "use Nesterov momentum (no effect when momentum is 0)");
  public static final Param<Double> WEIGHT_DECAY =
      Param.number("weight_decay", 0.0, "L2 penalty: adds weight_decay * p to each gradient")
          .atLeast(0);

  @Override
  public String id() {
    return "sgd";
  }

  @Override
  public String summary() {
    return "stochastic gradient descent with optional (Nesterov) momentum, as torch.optim.SGD";
  }

  @Override
  public List<Param<?>> params() {
    return List.of(LEARNING_RATE, MOMENTUM, NESTEROV, WEIGHT_DECAY);
  }

  @Override
  public Optimizer create(Params params) {
    return new SgdOptimizer(
        params.get(LEARNING_RATE),
        params.get(MOMENTUM),
        params.get(NESTEROV),
        params.get(WEIGHT_DECAY));
  }
}
