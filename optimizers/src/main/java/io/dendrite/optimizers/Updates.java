package io.dendrite.optimizers;

import io.dendrite.core.tensor.FloatKernels;

/** Whether the optimizers' updates run on the Vector API: the same choice as the kernels'. */
final class Updates {
  static final boolean VECTOR = FloatKernels.vectorInUse();

  private Updates() {}
}
