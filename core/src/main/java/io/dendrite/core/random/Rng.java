package io.dendrite.core.random;

/**
 * The one source of randomness in training: xoshiro256** seeded through SplitMix64.
 *
 * <p>Dendrite defines the algorithm itself, rather than using {@link java.util.Random} or {@code
 * RandomGenerator}, so that the same seed gives the same numbers on every JDK, and the whole state
 * is four longs that a checkpoint can save and restore ({@link #state()}, {@link #restore}).
 */
public final class Rng {
  private long s0;
  private long s1;
  private long s2;
  private long s3;

  public Rng(long seed) {
    long x = seed;
    x += 0x9E3779B97F4A7C15L;
    s0 = mix(x);
    x += 0x9E3779B97F4A7C15L;
    s1 = mix(x);
    x += 0x9E3779B97F4A7C15L;
    s2 = mix(x);
    x += 0x9E3779B97F4A7C15L;
    s3 = mix(x);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A generator seeded from this one's next output: independent streams for parts of a run. */
  public Rng split() {
    return new Rng(nextLong());
  }

  public long nextLong() {
    long result = Long.rotateLeft(s1 * 5, 7) * 9;
    long t = s1 << 17;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = Long.rotateLeft(s3, 45);
    return result;
  }

  /** Uniform in [0, 1) with 53 random bits. */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Uniform in [0, bound), without modulo bias. */
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive: " + bound);
    }
    long r = nextLong() >>> 33; // 31 random bits
    long m = r * bound;
    long low = m & 0x7FFFFFFFL;
    if (low < bound) {
      long threshold = (0x80000000L - bound) % bound;
      while (low < threshold) {
        r = nextLong() >>> 33;
        m = r * bound;
        low = m & 0x7FFFFFFFL;
      }
    }
    return (int) (m >>> 31);
  }

  /** Standard normal, by the Box-Muller transform (one value per call: no hidden cache). */
  public double nextGaussian() {
    double u1 = 1.0 - nextDouble(); // in (0, 1]: log is finite
    double u2 = nextDouble();
    return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
  }

  /** Shuffles {@code values} in place (Fisher-Yates). */
  public void shuffle(int[] values) {
    for (int i = values.length - 1; i > 0; i--) {
      int j = nextInt(i + 1);
      int t = values[i];
      values[i] = values[j];
      values[j] = t;
    }
  }

  /** The complete state, for checkpoints. */
  public long[] state() {
    return new long[] {s0, s1, s2, s3};
  }

  /** Continues exactly where the generator that gave {@code state} stood. */
  public void restore(long[] state) {
    if (state.length != 4 || (state[0] | state[1] | state[2] | state[3]) == 0) {
      throw new IllegalArgumentException("not a generator state");
    }
    s0 = state[0];
    s1 = state[1];
    s2 = state[2];
    s3 = state[3];
  }
}
