package io.dendrite.runner.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dendrite.runner.config.ConfigDocument;
import io.dendrite.runner.config.ConfigException;
import io.dendrite.runner.config.ConfigList;
import io.dendrite.runner.config.ConfigMap;
import io.dendrite.runner.config.ConfigScalar;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every limit of the reader at its boundary: a file exactly at the limit is read, one value, byte
 * or level more is refused with the message that names the limit.
 */
class YamlLimitBoundaryTests {
  private final YamlTreeReader reader = new YamlTreeReader();

  @TempDir Path dir;

  /** A valid file of exactly {@code length} characters: one setting, then comment lines. */
  private static String fileOfLength(int length) {
    StringBuilder s = new StringBuilder("name: x\n");
    String comment = "# " + "y".repeat(97) + "\n";
    while (s.length() + comment.length() <= length) {
      s.append(comment);
    }
    int rest = length - s.length();
    s.append('#').append("z".repeat(rest - 1));
    assertThat(s).hasSize(length);
    return s.toString();
  }

  @Test
  void textOfExactlyTheSizeLimitIsReadAndOneCharacterMoreIsRefused() {
    String atLimit = fileOfLength(YamlTreeReader.MAX_BYTES);
    assertThat(((ConfigScalar) reader.parse(atLimit, "exp.yaml").get("name").get()).value())
        .isEqualTo("x");
    assertThatThrownBy(() -> reader.parse(atLimit + "z", "exp.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("exp.yaml: larger than 1 MB; refused");
  }

  @Test
  void aByteOrderMarkDoesNotCountTowardsTheSizeLimit() {
    String atLimit = fileOfLength(YamlTreeReader.MAX_BYTES);
    assertThat(reader.parse("\uFEFF" + atLimit, "exp.yaml").get("name")).isPresent();
  }

  @Test
  void aFileOfExactlyOneMegabyteIsReadAndOneByteMoreIsRefused() throws Exception {
    Path atLimit = dir.resolve("at-limit.yaml");
    Files.writeString(atLimit, fileOfLength(YamlTreeReader.MAX_BYTES), StandardCharsets.UTF_8);
    assertThat(Files.size(atLimit)).isEqualTo(1 << 20);
    assertThat(reader.read(atLimit, "at-limit.yaml").get("name")).isPresent();
    Path over = dir.resolve("over.yaml");
    Files.writeString(over, fileOfLength(YamlTreeReader.MAX_BYTES + 1), StandardCharsets.UTF_8);
    assertThatThrownBy(() -> reader.read(over, "over.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("over.yaml: is 1.0 MB; an experiment file may be at most 1 MB");
    Path big = dir.resolve("big.yaml");
    Files.writeString(big, "#".repeat(5 << 19), StandardCharsets.UTF_8);
    assertThatThrownBy(() -> reader.read(big, "big.yaml"))
        .hasMessage("big.yaml: is 2.5 MB; an experiment file may be at most 1 MB");
  }

  @Test
  void aFolderIsRefusedAsAnExperimentFile() {
    assertThatThrownBy(() -> reader.read(dir, "runs/"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("runs/: is a folder; expected a YAML experiment file");
  }

  @Test
  void anOverrideValueOverTheSizeLimitIsRefusedNamingTheOverride() {
    // Lines of 9,000 characters pass the line limit; 120 of them make more than a megabyte.
    String block = "|\n" + ("  " + "v".repeat(9_000) + "\n").repeat(120);
    assertThatThrownBy(() -> reader.parseValue(block, "name=<block>"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("override 'name=<block>': larger than 1 MB; refused");
  }

  @Test
  void twentyThousandValuesAreReadAndOneMoreIsRefused() {
    // The root mapping, the key 'a' and its list are three values; the items make up the rest.
    int items = TagNotingParser.MAX_EVENTS - 3;
    ConfigMap root = reader.parse("a:\n" + "- 1\n".repeat(items), "exp.yaml");
    assertThat(((ConfigList) root.get("a").get()).items()).hasSize(items);
    assertThatThrownBy(() -> reader.parse("a:\n" + "- 1\n".repeat(items + 1), "exp.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "exp.yaml: holds more than 20000 values; refused, an experiment file is far smaller");
  }

  /**
   * A file whose tree holds exactly {@code values} values (mappings, lists and scalars, keys aside)
   * once its 48 aliases to a list of 1,999 numbers are expanded.
   */
  private static String expandingTo(int values) {
    int listed = 1_999;
    int aliases = 48;
    // The root, a's list and its numbers, b's list and its copies, c's list and its numbers.
    int rest = values - (1 + (1 + listed) + (1 + aliases * (1 + listed)) + 1);
    return "a: &a ["
        + "1, ".repeat(listed - 1)
        + "1]\nb: ["
        + "*a, ".repeat(aliases - 1)
        + "*a]\nc: ["
        + "2, ".repeat(rest - 1)
        + "2]\n";
  }

  @Test
  void aTreeOfAHundredThousandValuesIsBuiltAndOneMoreIsRefused() {
    ConfigMap root = reader.parse(expandingTo(NodeTreeBuilder.MAX_VALUES), "exp.yaml");
    ConfigList b = (ConfigList) root.get("b").get();
    assertThat(b.items()).hasSize(48);
    assertThat(((ConfigList) b.items().get(47)).items()).hasSize(1_999);
    assertThatThrownBy(() -> reader.parse(expandingTo(NodeTreeBuilder.MAX_VALUES + 1), "exp.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "exp.yaml: expands to more than 100000 values (through aliases?); refused, an"
                + " experiment file is far smaller");
  }

  @Test
  void fiftyAliasesToListsAreReadAndTheFiftyFirstIsRefused() {
    String fifty = "a: &a [1]\nb: [" + "*a, ".repeat(49) + "*a";
    assertThat(((ConfigList) reader.parse(fifty + "]\n", "exp.yaml").get("b").get()).items())
        .hasSize(50);
    assertThatThrownBy(() -> reader.parse(fifty + ", *a]\n", "exp.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "exp.yaml: more than 50 aliases (*name) to lists or mappings; refused, as such a file"
                + " can expand to billions of values (an alias bomb)");
    // Aliases to single values cost nothing to expand: any number is fine.
    ConfigMap scalars = reader.parse("a: &a 1\nb: [" + "*a, ".repeat(200) + "*a]\n", "exp.yaml");
    assertThat(((ConfigList) scalars.get("b").get()).items()).hasSize(201);
  }

  private static String nested(int lists, String inner) {
    return "[".repeat(lists) + inner + "]".repeat(lists);
  }

  @Test
  void fiftyLevelsAreParsedAndTheFiftyFirstIsRefused() {
    // The top-level mapping is the first level.
    ConfigMap root = reader.parse("a: " + nested(49, "1") + "\n", "exp.yaml");
    assertThat(root.get("a")).containsInstanceOf(ConfigList.class);
    assertThatThrownBy(() -> reader.parse("a: " + nested(50, "1") + "\n", "exp.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("exp.yaml: lists and mappings nested more than 50 levels deep; refused");
  }

  @Test
  void aliasesNestingAHundredLevelsAreReadAndOneMoreIsRefused() {
    // Each list is nested within the parser's limit; the aliases put them inside one another.
    String chain = "a: &a " + nested(49, "1") + "\nb: &b " + nested(49, "*a") + "\nc: ";
    // c's list, b's 49 lists, a's 49 lists: the number 1 is 100 levels below the top.
    ConfigMap root = reader.parse(chain + nested(1, "*b") + "\n", "exp.yaml");
    assertThat(root.get("c")).containsInstanceOf(ConfigList.class);
    String message = problemOf(chain + nested(2, "*b") + "\n");
    assertThat(message)
        .isEqualTo(
            "exp.yaml:1:56: c"
                + "[0]".repeat(100)
                + ": nested more than 100 levels deep (through aliases?); refused");
  }

  @Test
  void aValueOfTenThousandCharactersIsReadAndOneMoreIsRefusedShownShortened() {
    // A block of 100 lines: 99 of 99 characters and a last one, joined by 99 line breaks.
    String lines = ("  " + "y".repeat(99) + "\n").repeat(99);
    String atLimit = "name: |-\n" + lines + "  " + "y".repeat(100) + "\n";
    String value =
        (String) ((ConfigScalar) reader.parse(atLimit, "exp.yaml").get("name").get()).value();
    assertThat(value).hasSize(NodeTreeBuilder.MAX_SCALAR);
    ConfigDocument over =
        reader.parseDocument("name: |-\n" + lines + "  " + "y".repeat(101) + "\n", "exp.yaml");
    assertThat(over.problems())
        .singleElement()
        .hasToString(
            "exp.yaml:1:7: name: a value of 10,001 characters; refused, values in an experiment"
                + " file are at most 10,000 characters");
    ConfigScalar refused = (ConfigScalar) over.root().get("name").get();
    assertThat(refused.value()).isNull();
    assertThat(refused.text()).isEqualTo("y".repeat(60) + "... (10,001 characters)");
  }

  private String problemOf(String yaml) {
    try {
      reader.parse(yaml, "exp.yaml");
    } catch (ConfigException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected the file to be refused:\n" + yaml);
  }
}
