package io.dendrite.core.param;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Resolved values compare, hash and print by their values. */
class ParamsValuesTests {
  private static final Param<Integer> UNITS = Param.integer("units", 8, "units").atLeast(1);
  private static final Param<Boolean> BIAS = Param.bool("use_bias", true, "bias");

  @Test
  void equalValuesAreEqualParams() {
    Params a = Params.resolve(List.of(UNITS, BIAS), Map.of("units", 4));
    Params b = Params.resolve(List.of(UNITS, BIAS), Map.of("units", 4, "use_bias", true));
    Params c = Params.resolve(List.of(UNITS, BIAS), Map.of("units", 5));
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(c).isNotEqualTo("units=4");
    assertThat(a.hashCode()).isNotEqualTo(c.hashCode());
    assertThat(a).hasToString("{units=4, use_bias=true}");
  }

  @Test
  void emptyOnlyWithoutValues() {
    assertThat(Params.empty().isEmpty()).isTrue();
    assertThat(Params.defaults(List.of()).isEmpty()).isTrue();
    assertThat(Params.defaults(List.of(UNITS)).isEmpty()).isFalse();
    assertThat(Params.empty()).hasToString("{}");
  }
}
