package io.dendrite.losses;

import io.dendrite.core.param.Params;
import io.dendrite.core.spi.Loss;
import io.dendrite.core.spi.LossPlugin;

/** Registers {@link BinaryCrossEntropyLoss} as {@code binary_cross_entropy}. */
public final class BinaryCrossEntropyPlugin implements LossPlugin {
  @Override
  public String id() {
    return "binary_cross_entropy";
  }

  @Override
  public String summary() {
    return "binary cross-entropy of independent 0/1 targets (as torch.nn.BCELoss);"
        + " fused with a final sigmoid";
  }

  @Override
  public Loss create(Params params) {
    return new BinaryCrossEntropyLoss();
  }
}
