package io.dendrite.core.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RngTests {
  @Test
  void sameSeedSameNumbersAndKnownFirstValue() {
    Rng a = new Rng(42);
    Rng b = new Rng(42);
    for (int i = 0; i < 1000; i++) {
      assertThat(a.nextLong()).isEqualTo(b.nextLong());
    }
    // Pinned so that a change of algorithm, which would change every seeded run, is noticed.
    assertThat(new Rng(0).nextLong()).isEqualTo(-7355399402456485196L);
    assertThat(new Rng(42).nextGaussian()).isEqualTo(-0.303263064678738);
  }

  @Test
  void restoredStateContinuesTheSameSequence() {
    Rng a = new Rng(7);
    a.nextGaussian();
    long[] state = a.state();
    Rng b = new Rng(999);
    b.restore(state);
    for (int i = 0; i < 100; i++) {
      assertThat(b.nextDouble()).isEqualTo(a.nextDouble());
    }
    assertThatThrownBy(() -> b.restore(new long[4])).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void nextIntIsInRangeAndCoversIt() {
    Rng r = new Rng(3);
    int[] counts = new int[7];
    for (int i = 0; i < 70_000; i++) {
      counts[r.nextInt(7)]++;
    }
    for (int c : counts) {
      assertThat(c).isBetween(9_000, 11_000);
    }
  }

  @Test
  void gaussianHasMeanZeroAndUnitVariance() {
    Rng r = new Rng(5);
    double sum = 0;
    double sq = 0;
    int n = 200_000;
    for (int i = 0; i < n; i++) {
      double g = r.nextGaussian();
      sum += g;
      sq += g * g;
    }
    assertThat(sum / n).isBetween(-0.01, 0.01);
    assertThat(sq / n).isBetween(0.98, 1.02);
  }

  @Test
  void shuffleIsAPermutation() {
    int[] v = new int[100];
    for (int i = 0; i < v.length; i++) {
      v[i] = i;
    }
    new Rng(1).shuffle(v);
    assertThat(v).isNotEqualTo(java.util.stream.IntStream.range(0, 100).toArray());
    assertThat(java.util.Arrays.stream(v).sorted().toArray())
        .isEqualTo(java.util.stream.IntStream.range(0, 100).toArray());
  }
}
