package io.dendrite.activations;

import io.dendrite.core.tensor.FloatKernels;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * ReLU's float32 loops on the Vector API: a compare and a blend per vector, which the JIT does not
 * make of the plain loops' conditional (it leaves those scalar). Same results as {@link
 * ReluActivation}'s loops, NaN included (it gives 0). Only reached through {@link #IN_USE}, so JVMs
 * without the module never load the vector classes.
 */
final class VectorRelu {
  /** Whether to use these loops: the same choice as the kernels'. */
  static final boolean IN_USE = FloatKernels.vectorInUse();

  private VectorRelu() {}

  /**
   * {@code out[i] = in[i] > 0 ? in[i] : 0} for the values whole vectors cover; returns how many.
   */
  static int forward(float[] in, float[] out, int n) {
    return Loops.forward(in, out, n);
  }

  /** {@code out[i] = x[i] > 0 ? g[i] : 0} for the values whole vectors cover; returns how many. */
  static int backward(float[] x, float[] g, float[] out, int n) {
    return Loops.backward(x, g, out, n);
  }

  private static final class Loops {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    static int forward(float[] in, float[] out, int n) {
      FloatVector zero = FloatVector.zero(S);
      int bound = S.loopBound(n);
      for (int i = 0; i < bound; i += S.length()) {
        FloatVector x = FloatVector.fromArray(S, in, i);
        VectorMask<Float> positive = x.compare(VectorOperators.GT, 0f);
        zero.blend(x, positive).intoArray(out, i);
      }
      return bound;
    }

    static int backward(float[] x, float[] g, float[] out, int n) {
      FloatVector zero = FloatVector.zero(S);
      int bound = S.loopBound(n);
      for (int i = 0; i < bound; i += S.length()) {
        VectorMask<Float> positive = FloatVector.fromArray(S, x, i).compare(VectorOperators.GT, 0f);
        zero.blend(FloatVector.fromArray(S, g, i), positive).intoArray(out, i);
      }
      return bound;
    }
  }
}
