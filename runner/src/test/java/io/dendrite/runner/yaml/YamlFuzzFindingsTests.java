package io.dendrite.runner.yaml;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dendrite.runner.config.ConfigException;
import org.junit.jupiter.api.Test;

/**
 * The files {@link ExperimentYamlFuzzTests} found crashing the reader, each refused properly now.
 */
class YamlFuzzFindingsTests {
  private final YamlTreeReader reader = new YamlTreeReader();

  @Test
  void fileEndingInsideAUnicodeEscapeIsRefusedAtItsEnd() {
    // SnakeYAML threw a NumberFormatException: 'For input string: "" under radix 16'.
    assertThatThrownBy(() -> reader.parse("seed: 1\nname: \"a\\u", "exp.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "exp.yaml:2:11: the text ends inside an escape (\\x, \\u or \\U) of a double-quoted"
                + " string; expected its hexadecimal digits and the closing quote");
  }

  @Test
  void overrideEndingInsideAHexEscapeIsRefusedNamingTheOverride() {
    assertThatThrownBy(() -> reader.parseValue("\"\\x", "name=\"\\x"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("override 'name=\"\\x'")
        .hasMessageContaining("ends inside an escape");
  }
}
