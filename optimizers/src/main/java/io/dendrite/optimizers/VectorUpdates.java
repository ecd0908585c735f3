package io.dendrite.optimizers;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Adam and SGD updates on the Vector API, each lane doing exactly the float32 operations of the
 * plain loops in {@link AdamOptimizer} and {@link SgdOptimizer}, in the same order (no fused
 * multiply-add where they have none), so that both give the same bits.
 *
 * <p>Each also sums {@code g - g} over the gradient, which is 0 unless a value is infinite or NaN,
 * so that a non-finite gradient is found in the pass that applies it. Only {@link Updates} refers
 * to this class, once the Vector API is known to be in use, so that JVMs without it never load it.
 */
final class VectorUpdates {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();

  private VectorUpdates() {}

  /** Adam without AMSGrad; returns false when the gradient was not finite. */
  static boolean adam(
      float[] w,
      float[] g,
      float[] ms,
      float[] vs,
      int n,
      float b1,
      float oneMinusB1,
      float b2,
      float oneMinusB2,
      float wd,
      float stepSize,
      float correction2Sqrt,
      float epsilon) {
    boolean decay = wd != 0;
    FloatVector nonFinite = FloatVector.zero(S);
    int bound = S.loopBound(n);
    int i = 0;
    for (; i < bound; i += L) {
      FloatVector gi = FloatVector.fromArray(S, g, i);
      FloatVector wi = FloatVector.fromArray(S, w, i);
      nonFinite = nonFinite.add(gi.sub(gi));
      FloatVector d = decay ? gi.add(wi.mul(wd)) : gi;
      FloatVector mi = FloatVector.fromArray(S, ms, i).mul(b1).add(d.mul(oneMinusB1));
      FloatVector vi = FloatVector.fromArray(S, vs, i).mul(b2).add(d.mul(oneMinusB2).mul(d));
      mi.intoArray(ms, i);
      vi.intoArray(vs, i);
      FloatVector denominator = vi.sqrt().div(correction2Sqrt).add(epsilon);
      wi.sub(mi.div(denominator).mul(stepSize)).intoArray(w, i);
    }
    boolean finite = !nonFinite.test(VectorOperators.IS_NAN).anyTrue();
    return AdamOptimizer.plainUpdate(
            w,
            g,
            ms,
            vs,
            i,
            n,
            b1,
            oneMinusB1,
            b2,
            oneMinusB2,
            wd,
            stepSize,
            correction2Sqrt,
            epsilon)
        && finite;
  }

  /** SGD without momentum; returns false when the gradient was not finite. */
  static boolean sgd(float[] w, float[] g, int n, float lr, float wd) {
    boolean decay = wd != 0;
    FloatVector nonFinite = FloatVector.zero(S);
    int bound = S.loopBound(n);
    int i = 0;
    for (; i < bound; i += L) {
      FloatVector gi = FloatVector.fromArray(S, g, i);
      FloatVector wi = FloatVector.fromArray(S, w, i);
      nonFinite = nonFinite.add(gi.sub(gi));
      FloatVector d = decay ? gi.add(wi.mul(wd)) : gi;
      wi.sub(d.mul(lr)).intoArray(w, i);
    }
    boolean finite = !nonFinite.test(VectorOperators.IS_NAN).anyTrue();
    return SgdOptimizer.plainUpdate(w, g, i, n, lr, wd) && finite;
  }

  /** SGD with momentum; returns false when the gradient was not finite. */
  static boolean sgdMomentum(
      float[] w,
      float[] g,
      float[] b,
      int n,
      float lr,
      float wd,
      float momentum,
      float damp,
      boolean first,
      boolean nesterov) {
    boolean decay = wd != 0;
    FloatVector nonFinite = FloatVector.zero(S);
    int bound = S.loopBound(n);
    int i = 0;
    for (; i < bound; i += L) {
      FloatVector gi = FloatVector.fromArray(S, g, i);
      FloatVector wi = FloatVector.fromArray(S, w, i);
      nonFinite = nonFinite.add(gi.sub(gi));
      FloatVector d = decay ? gi.add(wi.mul(wd)) : gi;
      FloatVector buf = first ? d : FloatVector.fromArray(S, b, i).mul(momentum).add(d.mul(damp));
      buf.intoArray(b, i);
      FloatVector step = nesterov ? d.add(buf.mul(momentum)) : buf;
      wi.sub(step.mul(lr)).intoArray(w, i);
    }
    boolean finite = !nonFinite.test(VectorOperators.IS_NAN).anyTrue();
    return SgdOptimizer.plainMomentumUpdate(w, g, b, i, n, lr, wd, momentum, damp, first, nesterov)
        && finite;
  }
}
