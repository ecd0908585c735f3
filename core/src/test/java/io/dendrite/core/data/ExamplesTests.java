package io.dendrite.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dendrite.core.tensor.Matrix;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExamplesTests {
  private static final List<String> ABC = List.of("a", "b", "c");

  @Test
  void classificationTargetsAreOneHotAndLabelsComeBack() {
    Examples e = Examples.classification(Matrix.floats(3, 2), new int[] {2, 0, 1}, ABC, "s");
    assertThat(e.isClassification()).isTrue();
    assertThat(e.targetCount()).isEqualTo(3);
    assertThat(new int[] {e.label(0), e.label(1), e.label(2)}).containsExactly(2, 0, 1);
    assertThat(e.targets().get(0, 2)).isEqualTo(1.0);
    assertThat(e.targets().get(0, 0)).isZero();
  }

  @Test
  void labelsOutsideTheClassesAreRefusedNamingTheExample() {
    assertThatThrownBy(
            () -> Examples.classification(Matrix.floats(2, 1), new int[] {0, 3}, ABC, "s.csv"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("s.csv: label 3 of example 1 is outside 0..2");
    assertThatThrownBy(
            () -> Examples.classification(Matrix.floats(1, 1), new int[] {-1}, ABC, "s.csv"))
        .hasMessage("s.csv: label -1 of example 0 is outside 0..2");
  }

  @Test
  void theLabelIsTheFirstOfTheLargestTargets() {
    Matrix targets = Matrix.wrap(2, 3, new float[] {0.2f, 0.4f, 0.4f, 0.5f, 0.1f, 0.5f});
    Examples e = new Examples(Matrix.floats(2, 1), targets, ABC, "s");
    assertThat(e.label(0)).isEqualTo(1);
    assertThat(e.label(1)).isZero();
  }

  @Test
  void examplesWithoutClassNamesAreRegression() {
    Examples e = new Examples(Matrix.floats(4, 2), Matrix.floats(4, 1), List.of(), "r");
    assertThat(e.isClassification()).isFalse();
    assertThat(e.size()).isEqualTo(4);
    assertThat(e.featureCount()).isEqualTo(2);
  }
}
