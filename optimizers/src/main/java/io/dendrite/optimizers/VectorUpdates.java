package io.dendrite.optimizers;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The commonest Adam and SGD updates (no weight decay) on the Vector API, each lane doing exactly
 * the float32 operations of the plain loops in {@link AdamOptimizer} and {@link SgdOptimizer}, in
 * the same order (no fused multiply-add where they have none), so that both give the same bits. The
 * one exception, Adam's division by a scalar, is replaced by operations proven to give the
 * division's bits (see {@link #adam}; {@code VectorUpdatesTests} checks it on every float of two
 * binades).
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
    // sqrt(v) / correction2Sqrt without a division: the quotient by the rounded reciprocal,
    // corrected once by its exact remainder (Markstein's theorem: with the reciprocal rounded to
    // nearest and a quotient within an ulp, the corrected quotient is the division's, bit for bit).
    // The divider is what bounds this loop: on a Zen 4 the first layer's update (200,704 values)
    // took 76-83 µs with two divisions and a square root, 65-67 µs so.
    float reciprocal = 1f / correction2Sqrt;
    FloatVector reciprocals = FloatVector.broadcast(S, reciprocal);
    FloatVector negativeCorrections = FloatVector.broadcast(S, -correction2Sqrt);
    FloatVector infinities = FloatVector.broadcast(S, Float.POSITIVE_INFINITY);
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
      FloatVector root = vi.sqrt();
      FloatVector quotient = root.mul(reciprocal);
      FloatVector corrected = quotient.fma(negativeCorrections, root).fma(reciprocals, quotient);
      // Only an infinite root makes an infinite quotient (v <= Float.MAX_VALUE gives a root below
      // 2^64), and then its remainder, inf - inf, is NaN: the division's infinity is kept instead.
      FloatVector denominator = corrected.blend(quotient, quotient.eq(infinities)).add(epsilon);
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
