package io.dendrite.core.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The words each value type is described with in messages, tables and schemas. */
class ValueTypesTests {
  private static final IntegerType INTEGER = new IntegerType(Range.ANY);

  @Test
  void labelsAndPlurals() {
    assertThat(new BooleanType().label()).isEqualTo("boolean");
    assertThat(new BooleanType().plural()).isEqualTo("booleans");
    assertThat(new ChoiceType(List.of("a")).label()).isEqualTo("choice");
    assertThat(new ListType<>(INTEGER, 0).label()).isEqualTo("list of integer");
    assertThat(new SectionType(List.of()).label()).isEqualTo("section");
    assertThat(TextType.ANY.label()).isEqualTo("string");
    assertThat(INTEGER.plural()).isEqualTo("integers");
  }

  @Test
  void expectations() {
    assertThat(new BooleanType().expectation()).isEqualTo("true or false");
    assertThat(new ChoiceType(List.of("mean", "sum")).expectation()).isEqualTo("one of mean, sum");
    assertThat(new ListType<>(INTEGER, 0).expectation()).isEqualTo("a list of integers");
    assertThat(new ListType<>(INTEGER, 1).expectation())
        .isEqualTo("a list of integers (at least 1)");
    assertThat(new ListType<>(INTEGER, 3).expectation())
        .isEqualTo("a list of integers (at least 3)");
    Param<Integer> units = Param.integer("units", 1, "d");
    Param<Double> rate = Param.number("rate", 0.1, "d");
    assertThat(new SectionType(List.of(units, rate)).expectation())
        .isEqualTo("a mapping with: units, rate");
    assertThat(TextType.ANY.expectation()).isEqualTo("text");
  }

  @Test
  void aChoiceGivesBackTheValueChosen() {
    ChoiceType c = new ChoiceType(List.of("mean", "sum"));
    assertThat(c.convert("sum")).isEqualTo("sum");
    assertThat(c.toPlain("mean")).isEqualTo("mean");
    assertThatThrownBy(() -> c.convert("sun"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'sun' is not one of mean, sum (did you mean 'sum'?)");
    assertThatThrownBy(() -> c.convert(1))
        .hasMessage("expected one of mean, sum, found 1 (an integer)");
  }

  @Test
  void listsCheckTheirSizeAndEachItem() {
    ListType<Integer> two = new ListType<>(INTEGER, 2);
    assertThat(two.convert(List.of(1, 2))).containsExactly(1, 2);
    assertThatThrownBy(() -> two.convert(List.of(1)))
        .hasMessage("expected at least 2 integers, found 1");
    assertThatThrownBy(() -> new ListType<>(INTEGER, 1).convert(List.of()))
        .hasMessage("expected at least 1 integer, found none");
    assertThatThrownBy(() -> two.convert(List.of(1, "x")))
        .hasMessage("item 1: expected an integer, found \"x\" (text)");
    assertThat(two.toPlain(List.of(3, 4))).isEqualTo(List.of(3, 4));
  }

  @Test
  void sectionsGivePlainMaps() {
    Param<Integer> units = Param.integer("units", 1, "d");
    SectionType s = new SectionType(List.of(units));
    Params p = s.convert(Map.of("units", 3));
    assertThat(p.get(units)).isEqualTo(3);
    assertThat(s.toPlain(p)).isEqualTo(Map.of("units", 3));
  }
}
