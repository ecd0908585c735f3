package io.dendrite.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dendrite.core.DendriteException;
import io.dendrite.core.data.Examples;
import io.dendrite.core.random.Rng;
import io.dendrite.core.tensor.Matrix;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataSplitTests {
  /** 100 examples of 3 classes, 70/20/10, feature = the row number. */
  private static Examples imbalanced() {
    int[] labels = new int[100];
    Matrix x = Matrix.floats(100, 1);
    for (int i = 0; i < 100; i++) {
      labels[i] = i < 70 ? 0 : i < 90 ? 1 : 2;
      x.set(i, i);
    }
    return Examples.classification(x, labels, List.of("a", "b", "c"), "imbalanced");
  }

  private static int[] counts(Examples e) {
    int[] c = new int[e.targetCount()];
    for (int i = 0; i < e.size(); i++) {
      c[e.label(i)]++;
    }
    return c;
  }

  @Test
  void aStratifiedSplitKeepsEveryClassProportion() {
    Examples[] parts =
        DataSplit.split(imbalanced(), 0.2, true, new Rng(1), "data.validation_split");
    assertThat(counts(parts[0])).containsExactly(56, 16, 8);
    assertThat(counts(parts[1])).containsExactly(14, 4, 2);
  }

  @Test
  void partsAreDisjointCompleteAndInFileOrder() {
    Examples[] parts = DataSplit.split(imbalanced(), 0.3, false, new Rng(2), "data.test_split");
    float[] kept = parts[0].features().toMatrix().floats();
    float[] held = parts[1].features().toMatrix().floats();
    assertThat(kept.length + held.length).isEqualTo(100);
    java.util.Set<Float> all = new java.util.HashSet<>();
    for (int i = 0; i < kept.length; i++) {
      all.add(kept[i]);
      if (i > 0) {
        assertThat(kept[i]).isGreaterThan(kept[i - 1]);
      }
    }
    for (float v : held) {
      assertThat(all.add(v)).isTrue();
    }
    assertThat(all).hasSize(100);
  }

  @Test
  void theSameSeedSplitsTheSameWay() {
    Examples a = DataSplit.split(imbalanced(), 0.3, true, new Rng(5), "k")[1];
    Examples b = DataSplit.split(imbalanced(), 0.3, true, new Rng(5), "k")[1];
    assertThat(a.features().toMatrix().floats()).containsExactly(b.features().toMatrix().floats());
  }

  @Test
  void aSplitThatLeavesNothingSaysSoWithSensibleBounds() {
    Examples one = Examples.classification(Matrix.floats(1, 1), new int[] {0}, List.of("a"), "one");
    assertThatThrownBy(() -> DataSplit.split(one, 0.5, false, new Rng(1), "data.validation_split"))
        .isInstanceOf(DendriteException.class)
        .hasMessage(
            "validation_split 0.5: the data has 1 example, too few to hold any out; set"
                + " validation_split: 0 or use more data");
    assertThatThrownBy(
            () -> DataSplit.split(imbalanced(), 0.001, false, new Rng(1), "data.test_split"))
        .hasMessageContaining(
            "leaves nothing held out; choose a fraction between 0.01000 and 0.9900")
        .extracting(e -> ((DendriteException) e).configPath())
        .isEqualTo("data.test_split");
  }
}
