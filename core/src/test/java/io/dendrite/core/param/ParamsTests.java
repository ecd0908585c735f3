package io.dendrite.core.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dendrite.core.spi.PluginKind;
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
  static final Param<ComponentSpec> INIT =
      Param.component("init", PluginKind.INITIALIZER, "xavier_uniform", "init");
  static final List<Param<?>> ALL = List.of(EPOCHS, RATE, MODE, FILE, INIT);

  @Test
  void fillsDefaultsAndConvertsTypes() {
    Params p = Params.resolve(ALL, Map.of("epochs", 3L, "rate", 0));
    assertThat(p.get(EPOCHS)).isEqualTo(3);
    assertThat(p.get(RATE)).isEqualTo(0.0);
    assertThat(p.get(MODE)).isEqualTo("a");
    assertThat(p.has(FILE)).isFalse();
    assertThat(p.get(INIT).id()).isEqualTo("xavier_uniform");
    assertThat(p.toMap())
        .containsEntry("epochs", 3)
        .containsEntry("init", Map.of("type", "xavier_uniform"));
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
                    .extracting(ParamProblem::name, ParamProblem::message)
                    .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("epoch", "unknown parameter"),
                        org.assertj.core.groups.Tuple.tuple(
                            "epochs", "expected an integer >= 1, found \"ten\" (text)"),
                        org.assertj.core.groups.Tuple.tuple(
                            "rate", "must be >= 0 and < 1, found 1.5"),
                        org.assertj.core.groups.Tuple.tuple("mode", "'c' is not one of a, b")));
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
  }

  @Test
  void requiredParameterMissingIsReported() {
    Param<Path> required = Param.path("images", "image file");
    assertThatThrownBy(() -> Params.resolve(List.of(required), Map.of()))
        .hasMessage("images: missing required parameter (a path)");
  }

  @Test
  void declarationsRefuseBadNamesAndDefaultsOutOfRange() {
    assertThatThrownBy(() -> Param.integer("Epochs", 1, "x"))
        .hasMessageContaining("lower_snake_case");
    assertThatThrownBy(() -> Param.integer("epochs", 0, "x").atLeast(1))
        .hasMessageContaining("default of epochs");
  }

  @Test
  void valuesAreReadOnlyThroughTheirDeclaration() {
    Params p = Params.resolve(List.of(EPOCHS), Map.of());
    assertThatThrownBy(() -> p.get(RATE)).hasMessageContaining("was not declared");
  }
}
