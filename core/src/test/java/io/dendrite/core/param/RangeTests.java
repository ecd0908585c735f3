package io.dendrite.core.param;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RangeTests {
  @Test
  void inclusiveBoundsTakeTheBoundItself() {
    Range r = Range.ANY.withMin(0, true).withMax(1, true);
    assertThat(r.problem(0)).isEmpty();
    assertThat(r.problem(1)).isEmpty();
    assertThat(r.problem(0.5)).isEmpty();
    assertThat(r.problem(-0.001)).contains("must be >= 0 and <= 1, found -0.001");
    assertThat(r.problem(1.5)).contains("must be >= 0 and <= 1, found 1.5");
  }

  @Test
  void exclusiveBoundsRefuseTheBoundItself() {
    Range r = Range.ANY.withMin(0, false).withMax(1, false);
    assertThat(r.text()).isEqualTo("> 0 and < 1");
    assertThat(r.problem(0)).contains("must be > 0 and < 1, found 0");
    assertThat(r.problem(1)).contains("must be > 0 and < 1, found 1");
    assertThat(r.problem(1e-300)).isEmpty();
    assertThat(r.problem(0.999)).isEmpty();
  }

  @Test
  void oneBoundAlone() {
    assertThat(Range.ANY.withMin(2, true).text()).isEqualTo(">= 2");
    assertThat(Range.ANY.withMax(2, false).text()).isEqualTo("< 2");
    assertThat(Range.ANY.withMax(2, false).problem(-1e300)).isEmpty();
    assertThat(Range.ANY.withMin(2, true).problem(1e300)).isEmpty();
    assertThat(Range.ANY.text()).isEmpty();
    assertThat(Range.ANY.problem(Double.MAX_VALUE)).isEmpty();
  }

  @Test
  void withBoundsKeepTheOtherSide() {
    Range r = Range.ANY.withMin(1, false).withMax(5, true).withMin(2, true);
    assertThat(r).isEqualTo(new Range(2.0, true, 5.0, true));
    assertThat(r.withMax(3, false)).isEqualTo(new Range(2.0, true, 3.0, false));
  }

  @Test
  void wholeNumbersPrintWithoutAFraction() {
    assertThat(Range.format(3)).isEqualTo("3");
    assertThat(Range.format(-3)).isEqualTo("-3");
    assertThat(Range.format(0.25)).isEqualTo("0.25");
    assertThat(Range.format(1e15)).isEqualTo("1.0E15");
    assertThat(Range.format(-1e15)).isEqualTo("-1.0E15");
    assertThat(Range.format(999_999_999_999_999.0)).isEqualTo("999999999999999");
  }
}
