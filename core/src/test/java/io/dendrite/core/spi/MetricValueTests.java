package io.dendrite.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricValueTests {
  @Test
  void aNumberAloneIsNotStructured() {
    MetricValue v = MetricValue.of(0.75);
    assertThat(v.value()).isEqualTo(0.75);
    assertThat(v.perClass()).isEmpty();
    assertThat(v.matrix()).isEmpty();
    assertThat(v.isStructured()).isFalse();
  }

  @Test
  void perClassValuesOrAMatrixMakeItStructuredAndKeepTheRest() {
    MetricValue perClass = MetricValue.of(0.5).withPerClass(List.of(0.25, 0.75));
    assertThat(perClass.isStructured()).isTrue();
    assertThat(perClass.value()).isEqualTo(0.5);
    assertThat(perClass.perClass()).containsExactly(0.25, 0.75);
    MetricValue both = perClass.withMatrix(List.of(List.of(1.0, 0.0), List.of(2.0, 3.0)));
    assertThat(both.perClass()).containsExactly(0.25, 0.75);
    assertThat(both.matrix()).containsExactly(List.of(1.0, 0.0), List.of(2.0, 3.0));
    assertThat(both.value()).isEqualTo(0.5);
    MetricValue matrixOnly = MetricValue.of(1).withMatrix(List.of(List.of(1.0)));
    assertThat(matrixOnly.isStructured()).isTrue();
    assertThat(matrixOnly.withPerClass(List.of(2.0)).matrix()).containsExactly(List.of(1.0));
  }

  @Test
  void theListsAreCopies() {
    List<Double> values = new ArrayList<>(List.of(1.0));
    List<Double> row = new ArrayList<>(List.of(2.0));
    List<List<Double>> rows = new ArrayList<>(List.of(row));
    MetricValue v = new MetricValue(1, values, rows);
    values.add(3.0);
    row.add(4.0);
    rows.clear();
    assertThat(v.perClass()).containsExactly(1.0);
    assertThat(v.matrix()).containsExactly(List.of(2.0));
  }
}
