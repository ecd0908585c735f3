package io.dendrite.core.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.dendrite.core.experiment.Experiment;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamsTests {
  static final Param<Integer> EPOCHS = Param.integer("epochs", 10, "passes").atLeast(1);
  static final Param<Double> RATE = Param.number("rate", 0.5, "drop rate").atLeast(0).lessThan(1);
  static final Param<String> MODE = Param.choice("mode", "a", "mode", "a", "b");
  static final Param<Path> FILE = Param.path("file", "a file").optional();
  static final Param<Long> SEED = Param.longInteger("seed", 0, "seed");
  static final List<Param<?>> ALL = List.of(EPOCHS, RATE, MODE, FILE, SEED);

  @Test
  void fillsDefaultsAndConvertsTypes() {
    Params p = Params.resolve(ALL, Map.of("epochs", 3L, "rate", 0, "seed", 1L << 40));
    assertThat(p.get(EPOCHS)).isEqualTo(3);
    assertThat(p.get(RATE)).isEqualTo(0.0);
    assertThat(p.get(MODE)).isEqualTo("a");
    assertThat(p.get(SEED)).isEqualTo(1L << 40);
    assertThat(p.has(FILE)).isFalse();
    assertThat(p.toMap())
        .containsEntry("epochs", 3)
        .containsEntry("mode", "a")
        .doesNotContainKey("file");
  }

  @Test
  void reportsEveryProblemAtOnce() {
    Map<String, Object> given = new HashMap<>();
    given.put("epochs", "ten");
    given.put("rate", 1.5);
    given.put("mode", "c");
    given.put("epoch", 3);
    assertThatThrownBy(() -> Params.resolve(ALL, given))
        .isInstanceOfSatisfying(
            ParamException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ParamProblem::path, ParamProblem::message)
                    .containsExactlyInAnyOrder(
                        tuple("epoch", "unknown parameter"),
                        tuple("epochs", "expected an integer >= 1, found \"ten\" (text)"),
                        tuple("rate", "must be >= 0 and < 1, found 1.5"),
                        tuple("mode", "'c' is not one of a, b")));
  }

  @Test
  void refusesNonFiniteNumbersAndFractionalIntegers() {
    assertThatThrownBy(() -> RATE.convert(Double.NaN))
        .hasMessage("expected a finite number, found .nan");
    assertThatThrownBy(() -> RATE.convert(Double.POSITIVE_INFINITY))
        .hasMessage("expected a finite number, found Infinity");
    assertThatThrownBy(() -> EPOCHS.convert(2.5))
        .hasMessage("expected an integer >= 1, found 2.5 (a number)");
    assertThatThrownBy(() -> EPOCHS.convert(0)).hasMessage("must be >= 1, found 0");
    assertThatThrownBy(() -> EPOCHS.convert(true))
        .hasMessage("expected an integer >= 1, found true (a boolean)");
    assertThatThrownBy(() -> EPOCHS.convert(1L << 40))
        .hasMessage("expected an integer >= 1, found 1099511627776 (too large)");
  }

  @Test
  void requiredParameterMissingIsReported() {
    Param<Path> required = Param.path("images", "image file");
    assertThatThrownBy(() -> Params.resolve(List.of(required), Map.of()))
        .hasMessage("images: missing required parameter (a path to an existing file)");
  }

  @Test
  void declarationsRefuseBadNamesAndDefaultsOutOfRange() {
    assertThatThrownBy(() -> Param.integer("Epochs", 1, "x"))
        .hasMessageContaining("lower_snake_case");
    assertThatThrownBy(() -> Param.integer("epochs", 0, "x").atLeast(1))
        .hasMessageContaining("default of epochs");
    assertThatThrownBy(() -> Param.bool("flag", true, "x").atLeast(1))
        .hasMessageContaining("not numeric");
  }

  @Test
  void valuesAreReadOnlyThroughTheirDeclaration() {
    Params p = Params.resolve(List.of(EPOCHS), Map.of());
    assertThatThrownBy(() -> p.get(RATE)).hasMessageContaining("was not declared");
    assertThatThrownBy(() -> Params.empty().get(RATE))
        .hasMessageContaining("use Params.defaults(plugin.params())");
    assertThat(Params.defaults(List.of(RATE)).get(RATE)).isEqualTo(0.5);
  }

  @Test
  void declarationsAreImmutableValues() {
    Param<Integer> bounded = EPOCHS.atMost(100);
    assertThat(EPOCHS.rangeText()).isEqualTo(">= 1");
    assertThat(bounded.rangeText()).isEqualTo(">= 1 and <= 100");
    assertThat(Param.integer("epochs", 10, "passes").atLeast(1)).isEqualTo(EPOCHS);
    assertThat(EPOCHS.optional().defaultValue()).isEmpty();
    assertThat(EPOCHS.defaultValue()).contains(10);
  }

  static final Param<Integer> UNITS = Param.integer("units", 1, "outputs").atLeast(1).required();
  static final Param<Params> LAYER = Param.section("layer", List.of(UNITS, RATE), "a layer");
  static final Param<Params> TRAINING = Param.section("training", List.of(EPOCHS, RATE), "how");
  static final Param<List<Integer>> SIZES =
      Param.list("sizes", new IntegerType(Range.ANY.withMin(1, true)), List.of(8), "sizes")
          .minSize(1);

  @Test
  void sectionsNestAndReportProblemsWithTheirPath() {
    assertThat(LAYER.isRequired()).as("a section with a required key").isTrue();
    assertThat(TRAINING.defaultValue()).isPresent();
    List<Param<?>> root = List.of(LAYER, TRAINING, SIZES);
    Params p = Params.resolve(root, Map.of("layer", Map.of("units", 3), "sizes", List.of(2, 3)));
    assertThat(p.get(LAYER).get(UNITS)).isEqualTo(3);
    assertThat(p.get(TRAINING).get(EPOCHS)).isEqualTo(10);
    assertThat(p.get(SIZES)).containsExactly(2, 3);
    assertThat(p.toMap())
        .isEqualTo(
            Map.of(
                "layer", Map.of("units", 3, "rate", 0.5),
                "training", Map.of("epochs", 10, "rate", 0.5),
                "sizes", List.of(2, 3)));
    assertThatThrownBy(
            () ->
                Params.resolve(
                    root, Map.of("layer", Map.of("units", 0, "extra", 1), "sizes", List.of(4, 0))))
        .isInstanceOfSatisfying(
            ParamException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ParamProblem::path, ParamProblem::message)
                    .containsExactlyInAnyOrder(
                        tuple("layer.extra", "unknown parameter"),
                        tuple("layer.units", "must be >= 1, found 0"),
                        tuple("sizes", "item 1: must be >= 1, found 0")));
    assertThatThrownBy(() -> Params.resolve(root, Map.of("layer", Map.of(), "sizes", List.of())))
        .hasMessageContaining("layer.units: missing required parameter")
        .hasMessageContaining("sizes: expected at least 1 integer, found none");
  }

  @Test
  void textCanBeLimitedToAPattern() {
    Param<String> name =
        Param.string("name", "run", "a name").matching("[a-z]+", "lower-case letters", 5);
    assertThat(name.convert("abc")).isEqualTo("abc");
    assertThatThrownBy(() -> name.convert("a-b"))
        .hasMessage("expected lower-case letters, found \"a-b\" (text)");
    assertThatThrownBy(() -> name.convert("abcdefgh"))
        .hasMessage("too long: at most 5 characters, found 8 (expected lower-case letters)");
  }

  @Test
  void aNameOneCharacterTooLongIsRefusedNamingTheLimit() {
    String name = "a".repeat(Experiment.NAME_MAX_LENGTH + 1);
    assertThatThrownBy(() -> Experiment.NAME.convert(name))
        .message()
        .startsWith("too long: at most 100 characters, found 101 (expected a name of letters");
    assertThat(Experiment.NAME.convert(name.substring(1))).hasSize(100);
  }

  @Test
  void choicesSuggestTheClosestValue() {
    Param<String> norm = Param.choice("normalize", "unit", "how", "unit", "none", "standard");
    assertThatThrownBy(() -> norm.convert("standrad"))
        .hasMessage("'standrad' is not one of unit, none, standard (did you mean 'standard'?)");
  }

  @Test
  void convertingTwiceChangesNothing() {
    Params once = Params.resolve(List.of(LAYER), Map.of("layer", Map.of("units", 2)));
    Params twice = Params.resolve(List.of(LAYER), once.values());
    assertThat(twice).isEqualTo(once);
    assertThat(twice.get(LAYER)).isSameAs(once.get(LAYER));
  }
}
