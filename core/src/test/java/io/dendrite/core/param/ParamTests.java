package io.dendrite.core.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParamTests {
  @Test
  void factoriesDeclareTypeDefaultAndDoc() {
    Param<Integer> epochs = Param.integer("epochs", 10, "passes over the data");
    assertThat(epochs.name()).isEqualTo("epochs");
    assertThat(epochs.type()).isEqualTo(new IntegerType(Range.ANY));
    assertThat(epochs.presence()).isEqualTo(Param.Presence.DEFAULTED);
    assertThat(epochs.isRequired()).isFalse();
    assertThat(epochs.defaultValue()).contains(10);
    assertThat(epochs.doc()).isEqualTo("passes over the data");
    assertThat(epochs.toString()).isEqualTo("epochs: integer");
    assertThat(Param.longInteger("seed", 7, "d").defaultValue()).contains(7L);
    assertThat(Param.longInteger("seed", 7, "d").type()).isEqualTo(new LongType(Range.ANY));
    assertThat(Param.number("rate", 0.5, "d").defaultValue()).contains(0.5);
    assertThat(Param.bool("shuffle", true, "d").defaultValue()).contains(true);
    assertThat(Param.bool("shuffle", true, "d").type()).isEqualTo(new BooleanType());
    assertThat(Param.string("label", "x", "d").type()).isEqualTo(TextType.ANY);
    Param<List<Integer>> sizes = Param.list("sizes", new IntegerType(Range.ANY), List.of(), "d");
    assertThat(sizes.defaultValue()).contains(List.of());
    assertThat(sizes.type()).isEqualTo(new ListType<>(new IntegerType(Range.ANY), 0));
  }

  @Test
  void ofWithoutADefaultIsRequired() {
    Param<Integer> p = Param.of("units", new IntegerType(Range.ANY), null, "outputs");
    assertThat(p.presence()).isEqualTo(Param.Presence.REQUIRED);
    assertThat(p.isRequired()).isTrue();
    assertThat(p.defaultValue()).isEmpty();
  }

  @Test
  void requiredOptionalAndWithDefaultMakeNewDeclarations() {
    Param<Integer> epochs = Param.integer("epochs", 10, "passes");
    Param<Integer> required = epochs.required();
    assertThat(required.isRequired()).isTrue();
    assertThat(required.defaultValue()).isEmpty();
    Param<Integer> optional = epochs.optional();
    assertThat(optional.presence()).isEqualTo(Param.Presence.OPTIONAL);
    assertThat(optional.isRequired()).isFalse();
    assertThat(optional.defaultValue()).isEmpty();
    Param<Integer> five = required.withDefault(5);
    assertThat(five.presence()).isEqualTo(Param.Presence.DEFAULTED);
    assertThat(five.defaultValue()).contains(5);
    assertThat(epochs.defaultValue()).contains(10);
    assertThat(five.name()).isEqualTo("epochs");
    assertThat(five.doc()).isEqualTo("passes");
  }

  @Test
  void theDefaultIsConvertedAndChecked() {
    Param<Double> rate = Param.of("rate", new NumberType(Range.ANY), 1.0, "d");
    assertThat(rate.defaultValue()).contains(1.0);
    assertThatThrownBy(() -> Param.number("rate", 0, "d").greaterThan(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("default of rate: must be > 0, found 0");
    assertThatThrownBy(() -> Param.integer("epochs", 10, "d").required().withDefault(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("default of epochs");
  }

  @Test
  void namesAreLowerSnakeCaseAndTypeAndDocAreNeeded() {
    for (String bad : new String[] {"Epochs", "1epochs", "_e", "e-x", "", "e x"}) {
      assertThatThrownBy(() -> Param.integer(bad, 1, "d"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "parameter name '" + bad + "' must be lower_snake_case, starting with a letter");
    }
    assertThatThrownBy(() -> Param.of(null, TextType.ANY, "x", "d"))
        .hasMessage("parameter name 'null' must be lower_snake_case, starting with a letter");
    assertThat(Param.integer("e2_x", 1, "d").name()).isEqualTo("e2_x");
    assertThatThrownBy(() -> Param.of("x", null, "x", "d"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("type");
    assertThatThrownBy(() -> Param.string("x", "x", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("doc");
  }

  @Test
  void boundsStackAndAreNamed() {
    Param<Double> p = Param.number("p", 0.5, "d").atLeast(0).lessThan(1);
    assertThat(p.rangeText()).isEqualTo(">= 0 and < 1");
    assertThat(p.expectation()).isEqualTo("a number >= 0 and < 1");
    assertThatThrownBy(() -> p.convert(1.0)).hasMessage("must be >= 0 and < 1, found 1");
    assertThat(p.convert(0.0)).isZero();
    Param<Double> q = Param.number("q", 0.5, "d").greaterThan(0).atMost(1);
    assertThat(q.rangeText()).isEqualTo("> 0 and <= 1");
    assertThat(q.convert(1.0)).isEqualTo(1.0);
    assertThat(Param.bool("b", true, "d").rangeText()).isEmpty();
    assertThatThrownBy(() -> Param.string("s", "x", "d").atMost(1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("parameter s is not numeric");
  }

  @Test
  void minSizeIsForListsAndMatchingForText() {
    Param<List<Integer>> sizes =
        Param.list("sizes", new IntegerType(Range.ANY), List.of(1, 2), "d").minSize(2);
    assertThat(sizes.type()).isEqualTo(new ListType<>(new IntegerType(Range.ANY), 2));
    assertThat(sizes.defaultValue()).contains(List.of(1, 2));
    assertThatThrownBy(() -> Param.integer("n", 1, "d").minSize(1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("parameter n is not a list");
    Param<String> id = Param.string("id", "ab", "d").matching("[a-z]+", "letters", 5);
    assertThat(id.type()).isEqualTo(new TextType("[a-z]+", "letters", 5));
    assertThat(id.convert("abc")).isEqualTo("abc");
    assertThatThrownBy(() -> Param.integer("n", 1, "d").matching("x", "x", 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("parameter n is not text");
  }

  @Test
  void choicesAreListedOnlyForChoiceParameters() {
    Param<String> r = Param.choice("reduction", "mean", "d", "mean", "sum");
    assertThat(r.choices()).containsExactly("mean", "sum");
    assertThat(Param.string("s", "x", "d").choices()).isEmpty();
  }

  @Test
  void convertRefusesNothingAndToPlainGivesPlainData() {
    Param<Integer> n = Param.integer("n", 1, "d").atLeast(1);
    assertThatThrownBy(() -> n.convert(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected an integer >= 1, found nothing (null)");
    assertThat(n.convert(3)).isEqualTo(3);
    assertThat(n.toPlain(3)).isEqualTo(3);
  }

  @Test
  void sectionsDefaultToTheirParametersDefaultsOrAreRequired() {
    Param<Integer> units = Param.integer("units", 4, "d");
    Param<Params> layer = Param.section("layer", List.of(units), "d");
    assertThat(layer.isRequired()).isFalse();
    assertThat(layer.defaultValue().orElseThrow().get(units)).isEqualTo(4);
    Param<Params> needs = Param.section("layer", List.of(units.required()), "d");
    assertThat(needs.isRequired()).isTrue();
    assertThat(needs.type()).isEqualTo(new SectionType(List.of(units.required())));
  }

  @Test
  void equalityCoversEveryPart() {
    Param<Integer> a = Param.integer("n", 1, "d");
    assertThat(a)
        .isEqualTo(Param.integer("n", 1, "d"))
        .hasSameHashCodeAs(Param.integer("n", 1, "d"));
    assertThat(a).isNotEqualTo(Param.integer("m", 1, "d"));
    assertThat(a).isNotEqualTo(Param.integer("n", 2, "d"));
    assertThat(a).isNotEqualTo(Param.integer("n", 1, "e"));
    assertThat(a).isNotEqualTo(a.atLeast(0));
    assertThat(a).isNotEqualTo(a.required());
    assertThat(a.required()).isNotEqualTo(a.optional());
    assertThat(a).isNotEqualTo("n");
    assertThat(a.hashCode()).isNotEqualTo(Param.integer("n", 2, "d").hashCode());
  }
}
