package io.dendrite.runner.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.Tag;

/** Scalars typed by their YAML 1.1 tag into the narrowest plain Java value. */
class YamlScalarsTests {
  @Test
  void stringsAndNullAreTakenAsTheyAre() {
    assertThat(YamlScalars.value(Tag.STR, "0x1F")).isEqualTo("0x1F");
    assertThat(YamlScalars.value(Tag.NULL, "~")).isNull();
    assertThatThrownBy(() -> YamlScalars.value(Tag.SEQ, "[]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unsupported tag " + Tag.SEQ);
  }

  @Test
  void booleansInEveryYaml11Spelling() {
    for (String t : new String[] {"true", "True", "YES", "on", "y", "Y"}) {
      assertThat(YamlScalars.value(Tag.BOOL, t)).as(t).isEqualTo(Boolean.TRUE);
    }
    for (String t : new String[] {"false", "FALSE", "no", "Off", "n", "N"}) {
      assertThat(YamlScalars.value(Tag.BOOL, t)).as(t).isEqualTo(Boolean.FALSE);
    }
    assertThatThrownBy(() -> YamlScalars.value(Tag.BOOL, "maybe"))
        .hasMessage("'maybe' is not a boolean");
  }

  @Test
  void integersInEveryBaseWithSignsAndSeparators() {
    assertThat(YamlScalars.value(Tag.INT, "1_000")).isEqualTo(1000);
    assertThat(YamlScalars.value(Tag.INT, "+12")).isEqualTo(12);
    assertThat(YamlScalars.value(Tag.INT, "-12")).isEqualTo(-12);
    assertThat(YamlScalars.value(Tag.INT, "0")).isEqualTo(0);
    assertThat(YamlScalars.value(Tag.INT, "7")).isEqualTo(7);
    assertThat(YamlScalars.value(Tag.INT, "017")).as("octal").isEqualTo(15);
    assertThat(YamlScalars.value(Tag.INT, "-017")).isEqualTo(-15);
    assertThat(YamlScalars.value(Tag.INT, "0x1F")).isEqualTo(31);
    assertThat(YamlScalars.value(Tag.INT, "-0x1f")).isEqualTo(-31);
    assertThat(YamlScalars.value(Tag.INT, "0b101")).isEqualTo(5);
    assertThat(YamlScalars.value(Tag.INT, "+0b1_01")).isEqualTo(5);
    assertThat(YamlScalars.value(Tag.INT, "1:30")).as("base 60").isEqualTo(90);
    assertThat(YamlScalars.value(Tag.INT, "-1:02:03")).isEqualTo(-3723);
    assertThatThrownBy(() -> YamlScalars.value(Tag.INT, "12a"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'12a' is not an integer");
    assertThatThrownBy(() -> YamlScalars.value(Tag.INT, "0b102"))
        .hasMessage("'0b102' is not an integer");
  }

  @Test
  void integersTakeTheNarrowestTypeThatHoldsThem() {
    assertThat(YamlScalars.value(Tag.INT, "2147483647")).isEqualTo(Integer.MAX_VALUE);
    assertThat(YamlScalars.value(Tag.INT, "-2147483648")).isEqualTo(Integer.MIN_VALUE);
    assertThat(YamlScalars.value(Tag.INT, "2147483648")).isEqualTo(2147483648L);
    assertThat(YamlScalars.value(Tag.INT, "-2147483649")).isEqualTo(-2147483649L);
    assertThat(YamlScalars.value(Tag.INT, "9223372036854775807")).isEqualTo(Long.MAX_VALUE);
    assertThat(YamlScalars.value(Tag.INT, "-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
    assertThat(YamlScalars.value(Tag.INT, "9223372036854775808"))
        .isEqualTo(new BigInteger("9223372036854775808"));
    assertThat(YamlScalars.value(Tag.INT, "-9223372036854775809"))
        .isEqualTo(new BigInteger("-9223372036854775809"));
  }

  @Test
  void floatsWithTheSpecialValuesAndBase60() {
    assertThat(YamlScalars.value(Tag.FLOAT, "1_000.5")).isEqualTo(1000.5);
    assertThat(YamlScalars.value(Tag.FLOAT, "-2.5e-3")).isEqualTo(-2.5e-3);
    assertThat(YamlScalars.value(Tag.FLOAT, ".NaN")).isEqualTo(Double.NaN);
    assertThat(YamlScalars.value(Tag.FLOAT, ".Inf")).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(YamlScalars.value(Tag.FLOAT, "+.inf")).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(YamlScalars.value(Tag.FLOAT, "-.INF")).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(YamlScalars.value(Tag.FLOAT, "1:30.5")).isEqualTo(90.5);
    assertThat(YamlScalars.value(Tag.FLOAT, "-1:30")).isEqualTo(-90.0);
    assertThat(YamlScalars.value(Tag.FLOAT, "+1:00:30")).isEqualTo(3630.0);
    assertThatThrownBy(() -> YamlScalars.value(Tag.FLOAT, "1.2.3"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'1.2.3' is not a number");
  }
}
