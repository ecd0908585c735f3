package io.dendrite.runner.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dendrite.runner.config.ConfigException;
import io.dendrite.runner.config.ConfigMap;
import io.dendrite.runner.config.ConfigScalar;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Integers take the narrowest Java type that holds them; base-60 numbers; the size limit. */
class YamlScalarEdgesTests {
  private final YamlTreeReader reader = new YamlTreeReader();

  @Test
  void integersTakeTheNarrowestTypeThatHoldsThem() {
    ConfigMap root =
        reader.parse(
            String.join(
                "\n",
                "a: 2147483647",
                "b: 2147483648",
                "c: -2147483648",
                "d: 9223372036854775807",
                "e: 9223372036854775808",
                "f: -9223372036854775808"),
            "exp.yaml");
    assertThat(value(root, "a")).isEqualTo(Integer.MAX_VALUE);
    assertThat(value(root, "b")).isEqualTo(2147483648L);
    assertThat(value(root, "c")).isEqualTo(Integer.MIN_VALUE);
    assertThat(value(root, "d")).isEqualTo(Long.MAX_VALUE);
    assertThat(value(root, "e")).isEqualTo(new BigInteger("9223372036854775808"));
    assertThat(value(root, "f")).isEqualTo(Long.MIN_VALUE);
  }

  @Test
  void baseSixtyFloatsAreYaml11Numbers() {
    ConfigMap root = reader.parse("a: 1:30.5\nb: -1:30.5\nc: 2:00:01.5\n", "exp.yaml");
    assertThat(value(root, "a")).isEqualTo(90.5);
    assertThat(value(root, "b")).isEqualTo(-90.5);
    assertThat(value(root, "c")).isEqualTo(7201.5);
  }

  @Test
  void textOverTheSizeLimitIsRefusedWhenParsedToo() {
    // In short lines: a long one is refused first, for its length (CharacterCheck).
    String big =
        "name: x\n" + ("# " + "y".repeat(98) + "\n").repeat(YamlTreeReader.MAX_BYTES / 100 + 10);
    assertThatThrownBy(() -> reader.parse(big, "exp.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("exp.yaml: larger than 1 MB; refused");
  }

  private static Object value(ConfigMap root, String key) {
    return ((ConfigScalar) root.get(key).get()).value();
  }
}
