package io.dendrite.losses;

import io.dendrite.core.param.Params;
import io.dendrite.core.spi.Loss;
import io.dendrite.core.spi.LossPlugin;

/** Registers {@link CrossEntropyLoss} as {@code cross_entropy}. */
public final class CrossEntropyPlugin implements LossPlugin {
  @Override
  public String id() {
    return "cross_entropy";
  }

  @Override
  public String summary() {
    return "categorical cross-entropy against one-hot or probability targets;"
        + " fused with a final softmax";
  }

  @Override
  public Loss create(Params params) {
    return new CrossEntropyLoss();
  }
}
