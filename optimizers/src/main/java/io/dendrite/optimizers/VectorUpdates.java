package io.dendrite.optimizers;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The commonest Adam and SGD updates (no weight decay) on the Vector API, each lane doing exactly
 * the float32 operations of the plain loops in {@link AdamOptimizer} and {@link SgdOptimizer}, in
 * the same order (no fused multiply-add where they have none), so that both give the same bits.
 *
 * <p>Each also sums {@code g - g} over the gradient, which is 0 unless a value is infinite or NaN,
 * so that a non-finite gradient is found in the pass that applies it (a lane's NaN makes the sum of
 * the lanes NaN in any order). The loops have no choice between vectors inside them, and no vector
 * is passed to another method: the JIT of JDK 17 would then make objects of them. The sum was
 * reduced in a helper taking the vector until a run showed 384 B allocated per step: 64 B, one
 * boxed vector, for each of the six parameters' updates, as if that JVM had not inlined the helper.
 * Only reached when {@link Updates#VECTOR} is set, so that JVMs without the module never load this
 * class.
 */
final class VectorUpdates {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();

  private VectorUpdates() {}

  /** Whether {@code n} values are worth the vector loops: at least a vector's worth. */
  static boolean worth(int n) {
    return n >= L;
  }

  /**
   * Adam without AMSGrad or weight decay on values {@code [from, to)}; returns false when the
   * gradient was not finite there.
   */
  static boolean adam(
      float[] w,
      float[] g,
      float[] ms,
      float[] vs,
      int from,
      int to,
      float b1,
      float oneMinusB1,
      float b2,
      float oneMinusB2,
      float stepSize,
      float correction2Sqrt,
      float epsilon) {
    FloatVector nonFinite = FloatVector.zero(S);
    int bound = from + S.loopBound(to - from);
    int i = from;
    for (; i < bound; i += L) {
      FloatVector d = FloatVector.fromArray(S, g, i);
      nonFinite = nonFinite.add(d.sub(d));
      FloatVector mi = FloatVector.fromArray(S, ms, i).mul(b1).add(d.mul(oneMinusB1));
      FloatVector vi = FloatVector.fromArray(S, vs, i).mul(b2).add(d.mul(oneMinusB2).mul(d));
      mi.intoArray(ms, i);
      vi.intoArray(vs, i);
      FloatVector denominator = vi.sqrt().div(correction2Sqrt).add(epsilon);
      FloatVector wi = FloatVector.fromArray(S, w, i);
      wi.sub(mi.div(denominator).mul(stepSize)).intoArray(w, i);
    }
    boolean finite = nonFinite.reduceLanes(VectorOperators.ADD) == 0f;
    return AdamOptimizer.plainUpdate(
            w,
            g,
            ms,
            vs,
            i,
            to,
            b1,
            oneMinusB1,
            b2,
            oneMinusB2,
            0f,
            stepSize,
            correction2Sqrt,
            epsilon)
        && finite;
  }

  /**
   * SGD without momentum or weight decay on values {@code [from, to)}; returns false when the
   * gradient was not finite there.
   */
  static boolean sgd(float[] w, float[] g, int from, int to, float lr) {
    FloatVector nonFinite = FloatVector.zero(S);
    int bound = from + S.loopBound(to - from);
    int i = from;
    for (; i < bound; i += L) {
      FloatVector d = FloatVector.fromArray(S, g, i);
      nonFinite = nonFinite.add(d.sub(d));
      FloatVector.fromArray(S, w, i).sub(d.mul(lr)).intoArray(w, i);
    }
    boolean finite = nonFinite.reduceLanes(VectorOperators.ADD) == 0f;
    return SgdOptimizer.plainUpdate(w, g, i, to, lr, 0f) && finite;
  }

  /**
   * SGD with momentum, after its first step, without Nesterov or weight decay, on values {@code
   * [from, to)}; returns false when the gradient was not finite there.
   */
  static boolean sgdMomentum(
      float[] w, float[] g, float[] b, int from, int to, float lr, float momentum, float damp) {
    FloatVector nonFinite = FloatVector.zero(S);
    int bound = from + S.loopBound(to - from);
    int i = from;
    for (; i < bound; i += L) {
      FloatVector d = FloatVector.fromArray(S, g, i);
      nonFinite = nonFinite.add(d.sub(d));
      FloatVector buf = FloatVector.fromArray(S, b, i).mul(momentum).add(d.mul(damp));
      buf.intoArray(b, i);
      FloatVector.fromArray(S, w, i).sub(buf.mul(lr)).intoArray(w, i);
    }
    boolean finite = nonFinite.reduceLanes(VectorOperators.ADD) == 0f;
    return SgdOptimizer.plainMomentumUpdate(w, g, b, i, to, lr, 0f, momentum, damp, false, false)
        && finite;
  }
}
