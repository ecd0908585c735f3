package io.dendrite.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.data.Examples;
import io.dendrite.core.random.Rng;
import io.dendrite.core.tensor.Matrix;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which rows a split holds out: a seeded random choice, each part in file order. */
class DataSplitChoiceTests {
  /** {@code n} examples of two classes alternating, feature = the row number. */
  private static Examples rows(int n) {
    int[] labels = new int[n];
    Matrix x = Matrix.floats(n, 1);
    for (int i = 0; i < n; i++) {
      labels[i] = i % 2;
      x.set(i, i);
    }
    return Examples.classification(x, labels, List.of("even", "odd"), "rows");
  }

  private static float[] ids(Examples e) {
    return e.features().toMatrix().floats();
  }

  @Test
  void theRowsHeldOutAreChosenAtRandomAndKeptInFileOrder() {
    for (boolean stratified : new boolean[] {false, true}) {
      Examples[] parts = DataSplit.split(rows(100), 0.2, stratified, new Rng(7), "data.test_split");
      float[] held = ids(parts[1]);
      assertThat(held).hasSize(20);
      for (int i = 1; i < held.length; i++) {
        assertThat(held[i])
            .as("stratified %s: held-out rows in file order", stratified)
            .isGreaterThan(held[i - 1]);
      }
      assertThat(held[0])
          .as(
              "stratified %s: not simply the last rows (%s)",
              stratified, java.util.Arrays.toString(held))
          .isLessThan(70);
      Examples[] other = DataSplit.split(rows(100), 0.2, stratified, new Rng(8), "data.test_split");
      assertThat(ids(other[1])).as("another seed, another choice").isNotEqualTo(held);
    }
  }

  @Test
  void twoExamplesSplitInHalf() {
    Examples[] parts = DataSplit.split(rows(2), 0.5, false, new Rng(1), "data.validation_split");
    assertThat(parts[0].size()).isEqualTo(1);
    assertThat(parts[1].size()).isEqualTo(1);
  }
}
