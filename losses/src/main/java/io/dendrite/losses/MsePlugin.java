package io.dendrite.losses;

import io.dendrite.core.param.Params;
import io.dendrite.core.spi.Loss;
import io.dendrite.core.spi.LossPlugin;

/** Registers {@link MseLoss} as {@code mse}. */
public final class MsePlugin implements LossPlugin {
  @Override
  public String id() {
    return "mse";
  }

  @Override
  public String summary() {
    return "mean squared error over all values, for regression (as torch.nn.MSELoss)";
  }

  @Override
  public Loss create(Params params) {
    return new MseLoss();
  }
}
