package io.dendrite.runner.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FiguresTests {
  @Test
  void numbersHaveFourDecimalsAndExtremesAShortScientificForm() {
    assertThat(Figures.number(0.94051)).isEqualTo("0.9405");
    assertThat(Figures.number(0.001)).isEqualTo("0.0010");
    assertThat(Figures.number(0.0003)).isEqualTo("3.000e-04");
    assertThat(Figures.number(123.456)).isEqualTo("123.5");
    assertThat(Figures.number(2.5e13)).isEqualTo("2.500e+13");
    assertThat(Figures.number(0)).isEqualTo("0.0000");
    assertThat(Figures.number(Double.NaN)).isEqualTo("n/a");
    assertThat(Figures.number(Double.NEGATIVE_INFINITY)).isEqualTo("−∞");
  }

  @Test
  void countsAreWholeAndDurationsReadable() {
    assertThat(Figures.count(205.0)).isEqualTo("205");
    assertThat(Figures.count(2.5)).isEqualTo("2.5");
    assertThat(Figures.percent(0.0213)).isEqualTo("2.1%");
    assertThat(Figures.duration(Duration.ofMillis(8_340))).isEqualTo("8.3 s");
    assertThat(Figures.duration(Duration.ofSeconds(83))).isEqualTo("1 min 23 s");
    assertThat(Figures.duration(Duration.ofMinutes(135))).isEqualTo("2 h 15 min");
  }

  @Test
  void axisTicksLoseTheirFloatNoise() {
    assertThat(ChartStyle.tickLabel(0.30000000000000004)).isEqualTo("0.3");
    assertThat(ChartStyle.tickLabel(0.0011)).isEqualTo("0.0011");
    assertThat(ChartStyle.tickLabel(0)).isEqualTo("0");
    assertThat(ChartStyle.tickLabel(1500)).isEqualTo("1500");
    assertThat(ChartStyle.tickLabel(2e-8)).isEqualTo("2E-8");
  }
}
