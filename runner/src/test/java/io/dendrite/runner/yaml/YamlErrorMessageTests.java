package io.dendrite.runner.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dendrite.runner.config.ConfigDocument;
import io.dendrite.runner.config.ConfigException;
import io.dendrite.runner.config.ConfigMap;
import io.dendrite.runner.config.ConfigProblem;
import org.junit.jupiter.api.Test;

/**
 * The exact messages a user reads for a file that is not valid YAML or holds what an experiment may
 * not: the file, line and column, the offending line with a caret under the column (a window of it
 * when the line is long), and what to do.
 */
class YamlErrorMessageTests {
  private static final String NO_TYPES =
      " is not allowed: experiment files hold plain values (text, numbers, booleans, lists,"
          + " mappings) and never name types";

  private final YamlTreeReader reader = new YamlTreeReader();

  private String problemOf(String yaml) {
    try {
      reader.parse(yaml, "exp.yaml");
    } catch (ConfigException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected the file to be refused:\n" + yaml);
  }

  private java.util.List<String> problemsOf(String yaml) {
    ConfigDocument document = reader.parseDocument(yaml, "exp.yaml");
    return document.problems().stream().map(ConfigProblem::toString).toList();
  }

  private static java.util.List<String> keysOf(ConfigMap map) {
    return map.entries().stream().map(ConfigMap.Entry::key).toList();
  }

  @Test
  void aSyntaxErrorNamesTheLineWhereTheUnclosedListStarted() {
    assertThat(problemOf("name: x\nmodel:\n  layers: [a, b\nloss: mse\n"))
        .isEqualTo(
            "exp.yaml:4:5: expected ',' or ']', but got : (while parsing a flow sequence at line"
                + " 3)\n    loss: mse\n        ^");
    assertThat(problemOf("a: \"abc\n"))
        .isEqualTo(
            "exp.yaml:2:1: found unexpected end of stream (while scanning a quoted scalar at line"
                + " 1)\n    \n    ^");
  }

  @Test
  void aSyntaxErrorOnTheLineItsContextStartsNamesNoOtherLine() {
    assertThat(problemOf("name: x\na: [b}\n"))
        .isEqualTo(
            "exp.yaml:2:6: expected ',' or ']', but got } (while parsing a flow sequence)\n"
                + "    a: [b}\n"
                + "         ^");
    assertThat(problemOf("a: {b: c]\n"))
        .isEqualTo(
            "exp.yaml:1:9: expected ',' or '}', but got ] (while parsing a flow mapping)\n"
                + "    a: {b: c]\n"
                + "            ^");
  }

  @Test
  void aSyntaxErrorWithoutContextShowsTheLineAndCaretOnly() {
    assertThat(problemOf("name: x\nseed: *nope\n"))
        .isEqualTo("exp.yaml:2:7: found undefined alias nope\n    seed: *nope\n          ^");
  }

  @Test
  void tabsInTheShownLineBecomeSpacesSoTheCaretStaysUnderTheColumn() {
    assertThat(problemOf("name: x\n\tseed: 1\n"))
        .isEqualTo(
            "exp.yaml:2:1: found character '\\t(TAB)' that cannot start any token. (Do not use"
                + " \\t(TAB) for indentation) (while scanning for the next token)\n"
                + "     seed: 1\n"
                + "    ^");
  }

  @Test
  void aLineOfAHundredAndTwentyCharactersIsShownWhole() {
    String line = "a: [" + "x, ".repeat(38) + "x}";
    assertThat(line).hasSize(120);
    assertThat(problemOf(line + "\n"))
        .isEqualTo(
            "exp.yaml:1:120: expected ',' or ']', but got } (while parsing a flow sequence)\n    "
                + line
                + "\n    "
                + " ".repeat(119)
                + "^");
  }

  @Test
  void aLongLineIsShownAsAHundredAndTwentyCharactersAroundTheColumn() {
    String error = "expected ',' or ']', but got } (while parsing a flow sequence)";
    // The error near the start: the first 120 characters.
    String early = "a: [x} # " + "c".repeat(200);
    assertThat(problemOf("name: x\n" + early + "\n"))
        .isEqualTo(
            "exp.yaml:2:6: "
                + error
                + "\n    "
                + early.substring(0, 120)
                + "\n    "
                + " ".repeat(5)
                + "^");
    // In the middle: 60 characters either side of the column (0-based 155).
    String middle = "a: [" + "x, ".repeat(50) + "x} # " + "c".repeat(100);
    assertThat(problemOf("name: x\n" + middle + "\n"))
        .isEqualTo(
            "exp.yaml:2:156: "
                + error
                + "\n    "
                + middle.substring(95, 215)
                + "\n    "
                + " ".repeat(60)
                + "^");
    // Near the end: the last 120 characters.
    String late = "a: [" + "x, ".repeat(50) + "x}";
    assertThat(problemOf("name: x\n" + late + "\n"))
        .isEqualTo(
            "exp.yaml:2:156: "
                + error
                + "\n    "
                + late.substring(36)
                + "\n    "
                + " ".repeat(119)
                + "^");
    // One character over: the window starts at the second.
    String justOver = "a: [" + "x, ".repeat(38) + "xx}";
    assertThat(justOver).hasSize(121);
    assertThat(problemOf(justOver + "\n"))
        .endsWith("\n    " + justOver.substring(1) + "\n    " + " ".repeat(119) + "^");
  }

  @Test
  void theSnippetOfALineOutsideTheTextIsEmpty() {
    assertThat(YamlTreeReader.snippet("a: 1\nb: 2", 2, 0)).isEmpty();
    assertThat(YamlTreeReader.snippet("a: 1\nb: 2", -1, 0)).isEmpty();
    assertThat(YamlTreeReader.snippet("a: 1\r\nb: 2", 1, 3)).isEqualTo("\n    b: 2\n       ^");
    assertThat(YamlTreeReader.snippet("a: 1\rb: 2", 1, 0)).isEqualTo("\n    b: 2\n    ^");
    // A column past the end of the line puts the caret just after it.
    assertThat(YamlTreeReader.snippet("ab", 0, 9)).isEqualTo("\n    ab\n      ^");
  }

  @Test
  void aSyntaxErrorInAnOverrideNamesTheOverrideAndShowsNoLine() {
    assertThatThrownBy(() -> reader.parseValue("[a, b", "model.layers=[a, b"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "override 'model.layers=[a, b': expected ',' or ']', but got <stream end> (while"
                + " parsing a flow sequence)");
  }

  @Test
  void aControlCharacterInAnOverrideIsRefusedNamingTheOverride() {
    assertThatThrownBy(() -> reader.parseValue("a\u0007b", "name=a\u0007b"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "override 'name=a\u0007b': the character U+0007 is not allowed in YAML (control"
                + " characters cannot be written in YAML; remove it)");
  }

  @Test
  void aTagInsideAnOverrideIsRefusedAtItsPlaceInTheValue() {
    assertThatThrownBy(() -> reader.parseValue("[1, !!str 2]", "l=[1, !!str 2]"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "override 'l=[1, !!str 2]': [1]: tag !!str"
                + NO_TYPES
                + "; for text, put the value in quotes");
    assertThatThrownBy(() -> reader.parseValue("a\n---\nb", "n=a---b"))
        .hasMessage(
            "override 'n=a---b': a second YAML document starts here; an experiment file holds"
                + " exactly one");
  }

  @Test
  void aDuplicateKeyInAnOverrideNamesTheOverrideAsTheFirstPlace() {
    assertThatThrownBy(() -> reader.parseValue("{a: 1, a: 2}", "k={a: 1, a: 2}"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "override 'k={a: 1, a: 2}': a: duplicate key 'a' (first at override 'k={a: 1, a:"
                + " 2}'); each key may appear once");
  }

  @Test
  void aGlobalTagOnAListOrMappingIsRefusedAtTheValue() {
    assertThat(problemOf("name: x\nmodel: !!java.net.URL [x]\n"))
        .isEqualTo("exp.yaml:2:8: tag !!java.net.URL" + NO_TYPES);
    assertThat(problemOf("name: x\nmodel: !<tag:example.com,2026:Net> {a: 1}\n"))
        .isEqualTo("exp.yaml:2:8: model: tag tag:example.com,2026:Net" + NO_TYPES);
  }

  @Test
  void aTagOnAListOrMappingHasNoHintAndOnAValueSaysHowToWriteItWithout() {
    assertThat(
            problemsOf(
                "a: !!map {a: 1}\nb: !!seq [1]\nc: !!str x\nd: !!null ~\ne: !!bool yes\n"
                    + "f: !local [1]\n"))
        .containsExactly(
            "exp.yaml:1:4: a: tag !!map" + NO_TYPES,
            "exp.yaml:2:4: b: tag !!seq" + NO_TYPES,
            "exp.yaml:3:4: c: tag !!str" + NO_TYPES + "; for text, put the value in quotes",
            "exp.yaml:4:4: d: tag !!null" + NO_TYPES + "; write the value without it",
            "exp.yaml:5:4: e: tag !!bool" + NO_TYPES + "; write the value without it",
            "exp.yaml:6:4: f: tag !local" + NO_TYPES);
  }

  @Test
  void aTaggedValueKeepsItsTextButHasNoValue() {
    ConfigDocument document = reader.parseDocument("a: !!int 12\nb: 12\n", "exp.yaml");
    var a = (io.dendrite.runner.config.ConfigScalar) document.root().get("a").get();
    assertThat(a.value()).isNull();
    assertThat(a.text()).isEqualTo("12");
    var b = (io.dendrite.runner.config.ConfigScalar) document.root().get("b").get();
    assertThat(b.value()).isEqualTo(12);
  }

  @Test
  void aMergeIndicatorAsAValueIsRefusedAndKeepsItsText() {
    ConfigDocument document = reader.parseDocument("name: x\na: <<\n", "exp.yaml");
    assertThat(document.problems())
        .singleElement()
        .hasToString("exp.yaml:2:4: a: tag !!merge" + NO_TYPES);
    var a = (io.dendrite.runner.config.ConfigScalar) document.root().get("a").get();
    assertThat(a.value()).isNull();
    assertThat(a.text()).isEqualTo("<<");
  }

  @Test
  void keysMustBePlainUntaggedWords() {
    assertThat(
            problemsOf("? [a]\n: 1\n? {a: 1}\n: 2\n!!str c: 3\n!foo d: 4\n!!binary e: 5\nf: 6\n"))
        .containsExactly(
            "exp.yaml:1:3: keys must be plain words, not a list",
            "exp.yaml:3:3: keys must be plain words, not a mapping",
            "exp.yaml:5:1: c: tag !!str" + NO_TYPES,
            "exp.yaml:6:1: d: tag !foo" + NO_TYPES,
            "exp.yaml:7:1: e: tag !!binary" + NO_TYPES);
    assertThat(keysOf(reader.parseDocument("? [a]\n: 1\nf: 6\n", "exp.yaml").root()))
        .containsExactly("f");
  }

  @Test
  void numbersNullsAndBooleansAreKeysToo() {
    assertThat(keysOf(reader.parse("1: a\n~: b\ntrue: c\n", "exp.yaml")))
        .containsExactly("1", "~", "true");
  }

  @Test
  void aTopLevelValueIsQuotedWholeUpToEightyCharactersAndShortenedBeyond() {
    String eighty = "x".repeat(80);
    assertThat(problemOf(eighty + "\n"))
        .isEqualTo(
            "exp.yaml:1:1: the top level must be a mapping of settings (key: value lines), found"
                + " a single value '"
                + eighty
                + "'");
    assertThat(problemOf("x".repeat(81) + "\n"))
        .isEqualTo(
            "exp.yaml:1:1: the top level must be a mapping of settings (key: value lines), found"
                + " a single value '"
                + "x".repeat(60)
                + "... (81 characters)'");
    assertThat(problemOf("# settings\n\n  1234\n"))
        .isEqualTo(
            "exp.yaml:3:3: the top level must be a mapping of settings (key: value lines), found"
                + " a single value '1234'");
  }

  @Test
  void recursiveMappingsAreRefusedAtTheAlias() {
    assertThat(problemsOf("a: &x {b: *x, c: 1}\n"))
        .containsExactly(
            "exp.yaml:1:4: a.b: an alias refers to a value that contains it; recursive values are"
                + " not allowed");
    // The same value twice side by side is no recursion.
    assertThat(problemsOf("a: &x {c: 1}\nb: [*x, *x]\n")).isEmpty();
  }
}
