package io.dendrite.runner.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dendrite.runner.config.ConfigException;
import io.dendrite.runner.config.ConfigProblem;
import io.dendrite.runner.config.Position;
import org.junit.jupiter.api.Test;

/** Refused characters and over-long lines are found at their line and column, however lines end. */
class CharacterCheckTests {
  private static ConfigProblem refusal(String text) {
    ConfigException e =
        catchThrowableOfType(
            () -> CharacterCheck.check(text, (line, column) -> Position.of("t.yaml", line, column)),
            ConfigException.class);
    assertThat(e).as("a refusal of %s", text).isNotNull();
    assertThat(e.problems()).hasSize(1);
    return e.problems().get(0);
  }

  private static void accepted(String text) {
    assertThatCode(
            () -> CharacterCheck.check(text, (line, column) -> Position.of("t", line, column)))
        .doesNotThrowAnyException();
  }

  @Test
  void linesEndWithLfCrLfOrALoneCr() {
    assertThat(refusal("a: 1\nb: \u0001").position()).isEqualTo(Position.of("t.yaml", 2, 4));
    assertThat(refusal("a: 1\r\nb: \u0001").position()).isEqualTo(Position.of("t.yaml", 2, 4));
    assertThat(refusal("a: 1\rb: \u0001").position()).isEqualTo(Position.of("t.yaml", 2, 4));
    assertThat(refusal("a: 1\r\n\r\n\n\rx\u0002").position())
        .as("CR LF, CR LF, LF, CR: four line ends")
        .isEqualTo(Position.of("t.yaml", 5, 2));
    assertThat(refusal("\u0000").position()).isEqualTo(Position.of("t.yaml", 1, 1));
    accepted("a: 1\r");
    accepted("a: 1\r\n");
    accepted("a: \"tab\there\"\n");
  }

  @Test
  void charactersBeyondTheBasicPlaneCountAsOneColumn() {
    assertThat(refusal("a: \uD83D\uDE00\uD83D\uDE00\u0007").position())
        .isEqualTo(Position.of("t.yaml", 1, 6));
    accepted("name: \uD83D\uDE00");
  }

  @Test
  void refusedCharactersAreNamedWithAHint() {
    assertThat(refusal("a\u0000").message())
        .isEqualTo(
            "the character U+0000 (NUL) is not allowed in YAML (is this a binary file, or text"
                + " saved as UTF-16? save it as UTF-8)");
    assertThat(refusal("a: \u001b[1m").message())
        .startsWith("the character U+001B is not allowed in YAML (control characters");
    assertThat(refusal("a: \u0085x\u007f").message()).contains("U+007F");
  }

  @Test
  void linesOfUpToTenThousandCharactersAreRead() {
    String longest = "a: " + "x".repeat(CharacterCheck.MAX_LINE - 3);
    accepted(longest + "\n" + longest);
    // The CR of a CR LF is no character of the line.
    accepted(longest + "\r\n" + longest + "\r" + longest + "\r\n");
    ConfigProblem tooLong = refusal("a: 1\n" + longest + "x\n");
    assertThat(tooLong.position()).isEqualTo(Position.of("t.yaml", 2, CharacterCheck.MAX_LINE + 1));
    assertThat(tooLong.message())
        .startsWith("this line is longer than 10000 characters; refused (experiment files have");
  }
}
