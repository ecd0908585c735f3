package io.dendrite.runner.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dendrite.runner.config.ConfigException;
import io.dendrite.runner.config.ConfigList;
import io.dendrite.runner.config.ConfigMap;
import io.dendrite.runner.config.ConfigNode;
import io.dendrite.runner.config.ConfigScalar;
import io.dendrite.runner.config.Position;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class YamlTreeReaderTests {
  private final YamlTreeReader reader = new YamlTreeReader();

  private String problemOf(String yaml) {
    try {
      reader.parse(yaml, "exp.yaml");
    } catch (ConfigException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected the file to be refused:\n" + yaml);
  }

  @Test
  void keepsLineColumnAndPathOfEveryValue() {
    ConfigMap root =
        reader.parse(
            "name: x\nmodel:\n  layers:\n    - {type: dense, units: 3}\n    - type: dense\n      activation: relu\n",
            "exp.yaml");
    ConfigList layers = (ConfigList) ((ConfigMap) root.get("model").get()).get("layers").get();
    ConfigNode activation = ((ConfigMap) layers.items().get(1)).get("activation").get();
    assertThat(activation.position()).isEqualTo(Position.of("exp.yaml", 6, 19));
    assertThat(activation.path()).isEqualTo("model.layers[1].activation");
    assertThat(root.entry("model").get().keyPosition()).isEqualTo(Position.of("exp.yaml", 2, 1));
    ConfigNode units = ((ConfigMap) layers.items().get(0)).get("units").get();
    assertThat(units.path()).isEqualTo("model.layers[0].units");
    assertThat(units.position().toString()).isEqualTo("exp.yaml:4:28");
  }

  @Test
  void typesScalarsByYaml11Rules() {
    ConfigMap root =
        reader.parse(
            String.join(
                "\n",
                "a: 2",
                "b: \"2\"",
                "c: 2.5",
                "d: .nan",
                "e: -.inf",
                "f: yes",
                "g: ~",
                "h: 1e-3",
                "i: 12345678901",
                "j: 123456789012345678901234567890",
                "k: 2024-01-31",
                "l: '0x1F'",
                "m: 0x1F",
                "n: 1_000"),
            "exp.yaml");
    assertThat(value(root, "a")).isEqualTo(2);
    assertThat(value(root, "b")).isEqualTo("2");
    assertThat(value(root, "c")).isEqualTo(2.5);
    assertThat((Double) value(root, "d")).isNaN();
    assertThat(value(root, "e")).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(value(root, "f")).isEqualTo(true);
    assertThat(value(root, "g")).isNull();
    assertThat(value(root, "h")).isEqualTo(0.001);
    assertThat(value(root, "i")).isEqualTo(12345678901L);
    assertThat(value(root, "j")).isEqualTo(new BigInteger("123456789012345678901234567890"));
    assertThat(value(root, "k")).isEqualTo("2024-01-31");
    assertThat(value(root, "l")).isEqualTo("0x1F");
    assertThat(value(root, "m")).isEqualTo(31);
    assertThat(value(root, "n")).isEqualTo(1000);
  }

  private static Object value(ConfigMap root, String key) {
    return ((ConfigScalar) root.get(key).orElseThrow()).value();
  }

  @Test
  void refusesGlobalTagsWithoutLoadingAnyClass() {
    assertThat(problemOf("name: !!java.net.URL [\"http://example.com\"]\n"))
        .startsWith("exp.yaml:1:7: ")
        .contains("tag !!java.net.URL is not allowed");
    assertThat(problemOf("name: !!javax.script.ScriptEngineManager []\n"))
        .contains("!!javax.script.ScriptEngineManager is not allowed");
  }

  @Test
  void refusesLocalAndNonPlainTags() {
    assertThat(problemOf("name: !foo bar\n"))
        .isEqualTo(
            "exp.yaml:1:7: name: tag !foo is not allowed: experiment files hold plain values"
                + " (text, numbers, booleans, lists, mappings) and never name types");
    assertThat(problemOf("data: !!binary aGVsbG8=\n"))
        .contains("data: tag !!binary is not allowed");
    assertThat(problemOf("data: !!set {a, b}\n")).contains("tag !!set is not allowed");
  }

  @Test
  void refusesEveryExplicitTagEvenTheStandardOnes() {
    // The runner README promises that tags of any kind are refused; "2" in quotes says !!str 2.
    assertThat(problemOf("a: !!str 2\n"))
        .isEqualTo(
            "exp.yaml:1:4: a: tag !!str is not allowed: experiment files hold plain values (text,"
                + " numbers, booleans, lists, mappings) and never name types; for text, put the"
                + " value in quotes");
    assertThat(problemOf("b: !!int \"3\"\n"))
        .startsWith("exp.yaml:1:4: b: tag !!int is not allowed")
        .endsWith("; write the value without it");
    assertThat(problemOf("c: !!float 1\n")).contains("tag !!float is not allowed");
    assertThat(problemOf("d: ! x\n")).contains("tag ! is not allowed");
    assertThat(problemOf("e: !!map {a: 1}\n")).contains("e: tag !!map is not allowed");
    assertThat(problemOf("f: !!seq [1]\n")).contains("f: tag !!seq is not allowed");
    assertThat(problemOf("!!str g: 1\n")).contains("tag !!str is not allowed");
    assertThat(problemOf("a: !!str 2\nb: !!int 3\n").split("\n")).hasSize(2);
  }

  @Test
  void aNulByteIsRefusedAtItsLineAndColumn() {
    assertThat(problemOf("name: a\nseed: 1\u0000\n"))
        .isEqualTo(
            "exp.yaml:2:8: the character U+0000 (NUL) is not allowed in YAML (is this a binary"
                + " file, or text saved as UTF-16? save it as UTF-8)");
    assertThat(problemOf("name: a\r\nseed: \u0007\n"))
        .startsWith("exp.yaml:2:7: the character U+0007 is not allowed in YAML");
    assertThat(problemOf("name: \ud83e\udde0 \u0001\n")).startsWith("exp.yaml:1:9: ");
  }

  @Test
  void aHugeValueIsRefusedAtItsPositionAndNotEchoedWhole() {
    String word = "x".repeat(900_000);
    String oneLine = problemOf("name: " + word + "\nseed: 1\n");
    assertThat(oneLine)
        .startsWith("exp.yaml:1:10001: this line is longer than 10000 characters; refused")
        .hasSizeLessThan(300);
    StringBuilder block = new StringBuilder("name: |\n");
    for (int i = 0; i < 9_000; i++) {
      block.append("  ").append("y".repeat(99)).append('\n');
    }
    String manyLines = problemOf(block.toString());
    assertThat(manyLines)
        .isEqualTo(
            "exp.yaml:1:7: name: a value of 900,000 characters; refused, values in an experiment"
                + " file are at most 10,000 characters");
  }

  @Test
  @Timeout(10)
  void aliasBombFailsFastWithAClearMessage() {
    StringBuilder bomb =
        new StringBuilder(
            "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'i'; c++) {
      char prev = (char) (c - 1);
      bomb.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        bomb.append(i == 0 ? "" : ",").append('*').append(prev);
      }
      bomb.append("]\n");
    }
    assertThat(problemOf(bomb.toString()))
        .isEqualTo(
            "exp.yaml: more than 50 aliases (*name) to lists or mappings; refused, as such a file"
                + " can expand to billions of values (an alias bomb)");
  }

  @Test
  @Timeout(10)
  void aliasExpansionUnderTheAliasLimitIsStillBounded() {
    // 6 levels of 8 aliases each: 48 aliases, under the parser's limit, but 8^6 = 262144 values.
    StringBuilder bomb = new StringBuilder("a: &a [1, 2, 3, 4, 5, 6, 7, 8]\n");
    for (char c = 'b'; c <= 'g'; c++) {
      char prev = (char) (c - 1);
      bomb.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 8; i++) {
        bomb.append(i == 0 ? "" : ",").append('*').append(prev);
      }
      bomb.append("]\n");
    }
    assertThat(problemOf(bomb.toString()))
        .startsWith("exp.yaml: expands to more than 100000 values");
  }

  @Test
  void recursiveAliasIsRefused() {
    assertThat(problemOf("a: &x [1, *x]\n"))
        .contains("a[1]: an alias refers to a value that contains it");
  }

  @Test
  @Timeout(10)
  void deepNestingFailsWithoutStackOverflow() {
    String deep = "a: " + "[\n".repeat(10_000) + "]\n".repeat(10_000);
    assertThat(problemOf(deep)).contains("nested more than 50 levels deep");
    StringBuilder block = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      block.append("  ".repeat(i)).append("k").append(i).append(":\n");
    }
    assertThat(problemOf(block.toString())).contains("nested more than 50 levels deep");
  }

  @Test
  void duplicateKeysAreRefusedAtTheSecondKey() {
    assertThat(problemOf("name: a\nseed: 1\nname: b\n"))
        .isEqualTo(
            "exp.yaml:3:1: name: duplicate key 'name' (first at line 1, column 1); each key may"
                + " appear once");
    assertThat(problemOf("model:\n  layers:\n    - {type: dense, units: 3, units: 4}\n"))
        .startsWith("exp.yaml:3:31: model.layers[0].units: duplicate key 'units'");
  }

  @Test
  void everyTreeProblemIsReportedAtOnce() {
    String message = problemOf("a: 1\na: 2\nb: !foo x\nc: 1\nc: 2\n");
    assertThat(message.split("\n")).hasSize(3);
  }

  @Test
  void emptyFileIsRefused() {
    assertThat(problemOf("")).startsWith("exp.yaml: is empty");
    assertThat(problemOf("# only a comment\n\n")).startsWith("exp.yaml: is empty");
  }

  @Test
  void topLevelMustBeAMapping() {
    assertThat(problemOf("- a\n- b\n"))
        .isEqualTo(
            "exp.yaml:1:1: the top level must be a mapping of settings (key: value lines), found a list");
    assertThat(problemOf("just text\n")).contains("found a single value 'just text'");
    assertThat(problemOf("---\n")).contains("found nothing");
  }

  @Test
  void twoDocumentsAreRefused() {
    assertThat(problemOf("name: a\n---\nname: b\n"))
        .isEqualTo(
            "exp.yaml:2:1: a second YAML document starts here; an experiment file holds exactly one");
  }

  @Test
  void mergeKeysAreRefused() {
    assertThat(problemOf("base: &b {units: 3}\nlayer:\n  <<: *b\n"))
        .contains("merge keys ('<<') are not supported");
  }

  @Test
  void syntaxErrorNamesTheFileLineColumnAndShowsTheLine() {
    String message = problemOf("name: x\nmodel:\n  layers: [a, b\nloss: mse\n");
    assertThat(message)
        .startsWith("exp.yaml:4:5: ")
        .doesNotContain("'reader'")
        .doesNotContain("'string'");
    assertThat(message).contains("\n    loss: mse\n        ^");
    String tabs = problemOf("name: x\n\tseed: 1\n");
    assertThat(tabs).startsWith("exp.yaml:2:1: ");
  }

  @Test
  void nonUtf8BytesAreRefusedWithTheirOffset(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("latin1.yaml");
    Files.write(
        file,
        new byte[] {'n', 'a', 'm', 'e', ':', ' ', 'x', '\n', 'a', ':', ' ', (byte) 0xE9, '\n'});
    assertThatThrownBy(() -> reader.read(file, "latin1.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "latin1.yaml: is not valid UTF-8: byte 0xE9 at byte offset 11 (line 2); save the file as UTF-8");
  }

  @Test
  void utf8WithByteOrderMarkIsRead(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bom.yaml");
    Files.write(
        file, ("\uFEFFname: caf\u00e9\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(value(reader.read(file, "bom.yaml"), "name")).isEqualTo("caf\u00e9");
  }

  @Test
  void missingAndOversizedFilesAreRefused(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> reader.read(dir.resolve("nope.yaml"), "nope.yaml"))
        .hasMessageStartingWith("nope.yaml: no such file (looked for " + dir.resolve("nope.yaml"));
    Path big = dir.resolve("big.yaml");
    Files.writeString(big, "# " + "x".repeat(2 << 20) + "\n");
    long start = System.nanoTime();
    assertThatThrownBy(() -> reader.read(big, "big.yaml"))
        .hasMessage("big.yaml: is 2.0 MB; an experiment file may be at most 1 MB");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void overrideValuesAreReadAsYamlAtTheOverride() {
    ConfigNode n =
        reader.parseValue("{type: dense, units: 4}", "model.layers[0]={type: dense, units: 4}");
    assertThat(n).isInstanceOf(ConfigMap.class);
    assertThat(n.position().toString())
        .isEqualTo("override 'model.layers[0]={type: dense, units: 4}'");
    assertThat(((ConfigScalar) reader.parseValue("5", "a=5")).value()).isEqualTo(5);
    assertThat(((ConfigScalar) reader.parseValue("", "a=")).value()).isNull();
    assertThatThrownBy(() -> reader.parseValue("!!java.io.File x", "a=!!java.io.File x"))
        .hasMessageContaining("is not allowed");
  }
}
