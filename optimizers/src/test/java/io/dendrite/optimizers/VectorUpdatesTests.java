package io.dendrite.optimizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Vector API updates give the plain loops' bits, and find a non-finite gradient wherever it is.
 *
 * <p>The PyTorch fixtures have parameters smaller than a vector, so this is where the vector loops
 * are checked.
 */
class VectorUpdatesTests {
  // Not a multiple of any vector width: every loop has a tail.
  private static final int N = 1003;

  @BeforeEach
  void needsTheVectorApi() {
    assumeTrue(Updates.VECTOR, "the Vector API is not in use in this JVM");
  }

  @Test
  void adamGivesThePlainBits() {
    float[][] plain = state(1);
    float[][] vector = state(1);
    for (int t = 1; t <= 5; t++) {
      float stepSize = (float) (1e-3 / (1 - Math.pow(0.9, t)));
      float correction = (float) Math.sqrt(1 - Math.pow(0.999, t));
      assertThat(
              AdamOptimizer.plainUpdate(
                  plain[0],
                  plain[1],
                  plain[2],
                  plain[3],
                  0,
                  N,
                  0.9f,
                  0.1f,
                  0.999f,
                  0.001f,
                  0f,
                  stepSize,
                  correction,
                  1e-8f))
          .isTrue();
      assertThat(
              VectorUpdates.adam(
                  vector[0],
                  vector[1],
                  vector[2],
                  vector[3],
                  0,
                  N,
                  0.9f,
                  0.1f,
                  0.999f,
                  0.001f,
                  stepSize,
                  correction,
                  1e-8f))
          .isTrue();
    }
    for (int a = 0; a < 4; a++) {
      assertThat(bits(vector[a])).as("array %d", a).isEqualTo(bits(plain[a]));
    }
  }

  /**
   * The vector loop divides sqrt(v) by the bias correction without a division: here its bits are
   * the division's for every second moment in [1, 4), and for 0, the extremes and infinity, at
   * corrections of early, middle and late steps. With m = 1, lr = 1 and epsilon = 0, the weight
   * becomes -1 / (sqrt(v) / correction), so that a one-ulp difference in the quotient shows.
   */
  @Test
  void adamsDivisionByTheBiasCorrectionIsTheDivisionsBits() {
    int chunk = 1 << 20;
    float[] specials = {
      0f, Float.MIN_VALUE, Float.MIN_NORMAL, 1e-30f, 1e30f, Float.MAX_VALUE, Float.POSITIVE_INFINITY
    };
    for (int t : new int[] {1, 2, 10, 1000, 9000}) {
      float correction = (float) Math.sqrt(1 - Math.pow(0.999, t));
      int first = Float.floatToIntBits(1f);
      int end = Float.floatToIntBits(4f);
      for (int start = first - specials.length; start < end; start += chunk) {
        int n = Math.min(chunk, end - start);
        float[] vPlain = new float[n];
        for (int k = 0; k < n; k++) {
          int bits = start + k;
          vPlain[k] = bits < first ? specials[first - bits - 1] : Float.intBitsToFloat(bits);
        }
        float[][] plain = {new float[n], new float[n], filled(n, 1f), vPlain};
        float[][] vector = {new float[n], new float[n], filled(n, 1f), vPlain.clone()};
        AdamOptimizer.plainUpdate(
            plain[0], plain[1], plain[2], plain[3], 0, n, 1f, 0f, 1f, 0f, 0f, 1f, correction, 0f);
        VectorUpdates.adam(
            vector[0], vector[1], vector[2], vector[3], 0, n, 1f, 0f, 1f, 0f, 1f, correction, 0f);
        for (int k = 0; k < n; k++) {
          if (Float.floatToRawIntBits(vector[0][k]) != Float.floatToRawIntBits(plain[0][k])) {
            assertThat(vector[0][k]).as("step %d, v = %s", t, vPlain[k]).isEqualTo(plain[0][k]);
          }
        }
      }
    }
  }

  private static float[] filled(int n, float value) {
    float[] a = new float[n];
    java.util.Arrays.fill(a, value);
    return a;
  }

  @Test
  void sgdGivesThePlainBits() {
    float[][] plain = state(2);
    float[][] vector = state(2);
    for (int t = 0; t < 3; t++) {
      assertThat(SgdOptimizer.plainUpdate(plain[0], plain[1], 0, N, 0.05f, 0f)).isTrue();
      assertThat(VectorUpdates.sgd(vector[0], vector[1], 0, N, 0.05f)).isTrue();
      assertThat(
              SgdOptimizer.plainMomentumUpdate(
                  plain[0], plain[1], plain[2], 0, N, 0.05f, 0f, 0.9f, 0.5f, false, false))
          .isTrue();
      assertThat(
              VectorUpdates.sgdMomentum(vector[0], vector[1], vector[2], 0, N, 0.05f, 0.9f, 0.5f))
          .isTrue();
    }
    assertThat(bits(vector[0])).isEqualTo(bits(plain[0]));
    assertThat(bits(vector[2])).isEqualTo(bits(plain[2]));
  }

  @Test
  void aNonFiniteGradientIsFoundInTheVectorPartAndInTheTail() {
    for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
      for (int at : new int[] {0, 17, N - 1}) {
        float[][] s = state(3);
        s[1][at] = bad;
        assertThat(
                VectorUpdates.adam(
                    s[0], s[1], s[2], s[3], 0, N, 0.9f, 0.1f, 0.999f, 0.001f, 1e-3f, 1f, 1e-8f))
            .as("adam, %s at %d", bad, at)
            .isFalse();
        s = state(3);
        s[1][at] = bad;
        assertThat(VectorUpdates.sgd(s[0], s[1], 0, N, 0.1f))
            .as("sgd, %s at %d", bad, at)
            .isFalse();
        s = state(3);
        s[1][at] = bad;
        assertThat(VectorUpdates.sgdMomentum(s[0], s[1], s[2], 0, N, 0.1f, 0.9f, 1f))
            .as("sgd with momentum, %s at %d", bad, at)
            .isFalse();
        s = state(3);
        s[1][at] = bad;
        assertThat(
                AdamOptimizer.plainUpdate(
                    s[0], s[1], s[2], s[3], 0, N, 0.9f, 0.1f, 0.999f, 0.001f, 0f, 1e-3f, 1f, 1e-8f))
            .as("plain adam, %s at %d", bad, at)
            .isFalse();
      }
    }
  }

  /** Weights, gradient, and two state buffers (moments, or a momentum buffer). */
  private static float[][] state(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[][] s = new float[4][N];
    for (int i = 0; i < N; i++) {
      s[0][i] = (float) random.nextGaussian();
      s[1][i] = (float) (random.nextGaussian() * 0.1);
      s[2][i] = (float) (random.nextGaussian() * 0.01);
      s[3][i] = (float) (random.nextDouble() * 1e-4);
    }
    return s;
  }

  private static int[] bits(float[] values) {
    int[] bits = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      bits[i] = Float.floatToRawIntBits(values[i]);
    }
    return bits;
  }
}
