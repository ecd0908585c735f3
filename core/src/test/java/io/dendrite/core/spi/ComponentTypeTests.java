package io.dendrite.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dendrite.core.param.Param;
import io.dendrite.core.param.Params;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComponentTypeTests {
  private static final Param<Integer> EVERY = Param.integer("every", 1, "how often");

  @Test
  void acceptsOnlyResolvedSpecsOfItsKind() {
    ComponentType metrics = new ComponentType(PluginKind.METRIC);
    ComponentSpec accuracy = ComponentSpec.of(PluginKind.METRIC, "accuracy");
    assertThat(metrics.convert(accuracy)).isSameAs(accuracy);
    assertThatThrownBy(() -> metrics.convert(ComponentSpec.of(PluginKind.LOSS, "mse")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected a metric id or {type: id, ...}, found a loss 'mse'");
    assertThatThrownBy(() -> metrics.convert("accuracy"))
        .hasMessage("expected a metric id or {type: id, ...}, found \"accuracy\" (text)");
    assertThatThrownBy(() -> new ComponentType(PluginKind.OPTIMIZER).convert(3))
        .hasMessage("expected an optimizer id or {type: id, ...}, found 3");
  }

  @Test
  void labelsForMessages() {
    ComponentType t = new ComponentType(PluginKind.ACTIVATION);
    assertThat(t.expectation()).isEqualTo("an activation id or {type: id, ...}");
    assertThat(t.label()).isEqualTo("activation");
    assertThat(t.plural()).isEqualTo("activation ids");
  }

  @Test
  void toPlainGivesTheMappingFormWithTypeSettingsAndParams() {
    ComponentType t = new ComponentType(PluginKind.METRIC, List.of(ComponentType.NAME));
    Params params = Params.resolve(List.of(EVERY), Map.of("every", 3));
    Params settings = Params.resolve(List.of(ComponentType.NAME), Map.of("name", "acc"));
    Object plain = t.toPlain(new ComponentSpec(PluginKind.METRIC, "accuracy", params, settings));
    assertThat(plain).isInstanceOf(Map.class);
    assertThat(((Map<?, ?>) plain).entrySet())
        .extracting(Object::toString)
        .containsExactly("type=accuracy", "name=acc", "every=3");
  }

  @Test
  void settingsAreCopiedAndMayNotBeCalledType() {
    List<Param<?>> settings = new ArrayList<>(List.of(ComponentType.NAME));
    ComponentType t = new ComponentType(PluginKind.METRIC, settings);
    settings.clear();
    assertThat(t.settings()).containsExactly(ComponentType.NAME);
    assertThatThrownBy(
            () ->
                new ComponentType(
                    PluginKind.METRIC, List.of(ComponentType.NAME, Param.string("type", "x", "d"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'type' is the id, not a setting");
  }

  @Test
  void theNameSettingTakesLowerSnakeCaseOnly() {
    assertThat(ComponentType.NAME.isRequired()).isFalse();
    assertThat(ComponentType.NAME.convert("f1_macro")).isEqualTo("f1_macro");
    assertThatThrownBy(() -> ComponentType.NAME.convert("F1 macro"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
