package io.dendrite.optimizers;

/**
 * The float32 arithmetic of PyTorch's CPU kernels, one value at a time, for the optimizers.
 *
 * <p>An update written with these reads like the {@code torch.optim} code it follows.
 *
 * <p>PyTorch's CPU kernels fuse a multiply and an add into one rounding wherever the operation has
 * that shape ({@code add} with {@code alpha}, {@code addcmul}, {@code lerp}), on vector lanes and
 * scalar tails alike; {@link Math#fma} rounds once in the same way, so the optimizers written on
 * these give PyTorch's bits on any machine. ({@code adam} and {@code sgd} predate this and keep
 * their unfused arithmetic, so that existing runs reproduce.)
 */
final class TorchArithmetic {
  private TorchArithmetic() {}

  /** {@code self.add(other, alpha=alpha)}. */
  static float add(float self, float alpha, float other) {
    return Math.fma(alpha, other, self);
  }

  /** {@code self.addcmul(t1, t2, value=value)}: {@code self + value * t1 * t2}. */
  static float addcmul(float self, float value, float t1, float t2) {
    return Math.fma(value * t1, t2, self);
  }

  /** {@code self.addcdiv(t1, t2, value=value)}: {@code self + value * t1 / t2}. */
  static float addcdiv(float self, float value, float t1, float t2) {
    return self + value * t1 / t2;
  }

  /**
   * {@code self.lerp(end, weight)}: {@code self + weight (end - self)}.
   *
   * <p>From 0.5 on, the weight's complement is used from {@code end}, as PyTorch does for accuracy.
   */
  static float lerp(float self, float end, float weight) {
    return Math.abs(weight) < 0.5f
        ? Math.fma(weight, end - self, self)
        : Math.fma(self - end, 1f - weight, end);
  }

  /** {@code torch.sqrt} of one float32 value (correctly rounded, as PyTorch's). */
  static float sqrt(float x) {
    return (float) Math.sqrt(x);
  }
}
