package io.dendrite.core.tensor;

class ScalarFloatKernelsTests extends FloatKernelsContract {
  @Override
  protected FloatKernels kernels() {
    return ScalarFloatKernels.INSTANCE;
  }
}
