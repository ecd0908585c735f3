package io.dendrite.core.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValuesTests {
  @Test
  void describeSaysWhatAValueIsAsPeopleSeeIt() {
    assertThat(Values.describe(null)).isEqualTo("nothing (null)");
    assertThat(Values.describe("2")).isEqualTo("\"2\" (text)");
    assertThat(Values.describe(true)).isEqualTo("true (a boolean)");
    assertThat(Values.describe(3)).isEqualTo("3 (an integer)");
    assertThat(Values.describe(3L)).isEqualTo("3 (an integer)");
    assertThat(Values.describe(BigInteger.TEN)).isEqualTo("10 (an integer)");
    assertThat(Values.describe(2.5)).isEqualTo("2.5 (a number)");
    assertThat(Values.describe(new BigDecimal("2.5"))).isEqualTo("2.5 (a number)");
    assertThat(Values.describe(List.of(1))).isEqualTo("a list");
    assertThat(Values.describe(Map.of())).isEqualTo("a mapping");
    assertThat(Values.describe(Params.empty())).isEqualTo("a mapping");
    assertThat(Values.describe(Path.of("a"))).isEqualTo("a");
  }

  @Test
  void longTextIsCutInMessages() {
    String eighty = "x".repeat(80);
    assertThat(Values.describe(eighty)).isEqualTo("\"" + eighty + "\" (text)");
    String long1234 = "y".repeat(1234);
    assertThat(Values.describe(long1234))
        .isEqualTo("\"" + "y".repeat(60) + "...\" (text of 1,234 characters)");
    assertThat(Values.describe("z".repeat(81))).endsWith("...\" (text of 81 characters)");
  }

  @Test
  void integersMustBeWholeAndFit() {
    IntegerType any = new IntegerType(Range.ANY);
    assertThat(any.convert(7)).isEqualTo(7);
    assertThat(any.convert(7L)).isEqualTo(7);
    assertThat(any.convert((short) 7)).isEqualTo(7);
    assertThat(any.convert(Integer.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
    assertThat(any.convert((long) Integer.MIN_VALUE)).isEqualTo(Integer.MIN_VALUE);
    assertThatThrownBy(() -> any.convert(Integer.MAX_VALUE + 1L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected an integer, found 2147483648 (too large)");
    assertThatThrownBy(() -> any.convert(Integer.MIN_VALUE - 1L))
        .hasMessage("expected an integer, found -2147483649 (too large)");
    assertThatThrownBy(() -> any.convert(BigInteger.TWO.pow(70)))
        .hasMessage("expected an integer, found 1180591620717411303424 (too large)");
    assertThatThrownBy(() -> any.convert(new BigDecimal("1E+400")))
        .hasMessage("expected an integer, found 1E+400 (too large)");
    assertThatThrownBy(() -> any.convert(2.0))
        .hasMessage("expected an integer, found 2.0 (a number)");
    assertThatThrownBy(() -> any.convert("2"))
        .hasMessage("expected an integer, found \"2\" (text)");
    LongType seeds = new LongType(Range.ANY);
    assertThat(seeds.convert(Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
    assertThat(seeds.convert(Long.MIN_VALUE)).isEqualTo(Long.MIN_VALUE);
    assertThat(seeds.convert(3)).isEqualTo(3L);
    assertThatThrownBy(() -> seeds.convert(BigInteger.TWO.pow(64)))
        .hasMessage("expected a 64-bit integer, found 18446744073709551616 (too large)");
  }

  @Test
  void rangesAreCheckedAndNamedInTheExpectation() {
    IntegerType positive = new IntegerType(Range.ANY.withMin(1, true));
    assertThat(positive.expectation()).isEqualTo("an integer >= 1");
    assertThat(positive.convert(1)).isEqualTo(1);
    assertThatThrownBy(() -> positive.convert(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("must be >= 1, found 0");
    assertThat(positive.withRange(Range.ANY)).isEqualTo(new IntegerType(Range.ANY));
    assertThat(positive.label()).isEqualTo("integer");
    LongType l = new LongType(Range.ANY.withMax(10, false));
    assertThat(l.expectation()).isEqualTo("a 64-bit integer < 10");
    assertThatThrownBy(() -> l.convert(10L)).hasMessage("must be < 10, found 10");
    assertThat(l.withRange(Range.ANY).expectation()).isEqualTo("a 64-bit integer");
    assertThat(l.label()).isEqualTo("integer");
    NumberType rate = new NumberType(Range.ANY.withMin(0, false));
    assertThat(rate.expectation()).isEqualTo("a number > 0");
    assertThatThrownBy(() -> rate.convert(0.0)).hasMessage("must be > 0, found 0");
    assertThat(rate.withRange(Range.ANY).expectation()).isEqualTo("a number");
    assertThat(rate.label()).isEqualTo("number");
  }

  @Test
  void numbersAreFiniteAndWidenIntegers() {
    NumberType any = new NumberType(Range.ANY);
    assertThat(any.convert(2)).isEqualTo(2.0);
    assertThat(any.convert(2.5f)).isEqualTo(2.5);
    assertThat(any.toPlain(2.5)).isEqualTo(2.5);
    assertThatThrownBy(() -> any.convert(Double.NaN))
        .hasMessage("expected a finite number, found .nan");
    assertThatThrownBy(() -> any.convert(Double.NEGATIVE_INFINITY))
        .hasMessage("expected a finite number, found -Infinity");
    assertThatThrownBy(() -> any.convert(new BigDecimal("1.5")))
        .hasMessage("expected a number, found 1.5 (a number)");
    assertThatThrownBy(() -> any.convert(BigInteger.ONE))
        .hasMessage("expected a number, found 1 (an integer)");
    assertThatThrownBy(() -> any.convert("1.5"))
        .hasMessage("expected a number, found \"1.5\" (text)");
  }

  @Test
  void booleansAreTrueOrFalseOnly() {
    BooleanType b = new BooleanType();
    assertThat(b.convert(true)).isTrue();
    assertThat(b.convert(false)).isFalse();
    assertThat(b.toPlain(true)).isEqualTo(true);
    assertThat(b.label()).isEqualTo("boolean");
    assertThatThrownBy(() -> b.convert("yes"))
        .hasMessage("expected true or false, found \"yes\" (text)");
  }

  @Test
  void pathsAreNonBlankTextOrPaths() {
    PathType input = new PathType(true);
    PathType output = new PathType(false);
    assertThat(input.convert("data/train.csv")).isEqualTo(Path.of("data/train.csv"));
    Path p = Path.of("x");
    assertThat(output.convert(p)).isSameAs(p);
    assertThat(output.toPlain(p)).isSameAs(p);
    assertThat(input.expectation()).isEqualTo("a path to an existing file");
    assertThat(output.expectation()).isEqualTo("a path");
    assertThat(input.label()).isEqualTo("path");
    assertThatThrownBy(() -> input.convert("  "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected a path to an existing file, found \"  \" (text)");
    assertThatThrownBy(() -> output.convert(3)).hasMessage("expected a path, found 3 (an integer)");
    assertThatThrownBy(() -> output.convert("a\0b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not a valid path: ");
    assertThat(Param.path("file", "the data").type()).isEqualTo(input);
    assertThat(Param.path("file", "the data").isRequired()).isTrue();
  }
}
