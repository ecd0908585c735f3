package io.dendrite.core.tensor;

/**
 * Every vector kernel test again, with the forward's other way with the weights: packed panels
 * where this machine's vectors read them in place, and the reverse. A machine tests both ways
 * whatever its vector width, and both must give the same bits.
 */
class VectorFloatKernelsOtherWeightsTests extends VectorFloatKernelsTests {
  @Override
  protected FloatKernels kernels() {
    return VectorFloatKernels.OTHER_WEIGHTS;
  }
}
