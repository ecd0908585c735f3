package io.dendrite.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PluginKindTests {
  @Test
  void idsArticlesAndServiceTypes() {
    assertThat(PluginKind.ACTIVATION.id()).isEqualTo("activation");
    assertThat(PluginKind.ACTIVATION.withArticle()).isEqualTo("an activation");
    assertThat(PluginKind.INITIALIZER.withArticle()).isEqualTo("an initializer");
    assertThat(PluginKind.OPTIMIZER.withArticle()).isEqualTo("an optimizer");
    assertThat(PluginKind.LOSS.withArticle()).isEqualTo("a loss");
    assertThat(PluginKind.SCHEDULE.withArticle()).isEqualTo("a schedule");
    assertThat(PluginKind.LAYER.serviceType()).isEqualTo(LayerPlugin.class);
    assertThat(PluginKind.PREPROCESSOR.serviceType()).isEqualTo(PreprocessorPlugin.class);
  }

  @Test
  void byIdFindsEveryKindAndNothingElse() {
    for (PluginKind k : PluginKind.values()) {
      assertThat(PluginKind.byId(k.id())).contains(k);
    }
    assertThat(PluginKind.byId("Loss")).isEmpty();
    assertThat(PluginKind.byId("losses")).isEmpty();
  }

  @Test
  void paramNamesAPluginOfTheKindWithItsDefault() {
    var p = PluginKind.LOSS.param("loss", "mse", "what training minimizes");
    assertThat(p.name()).isEqualTo("loss");
    assertThat(p.type()).isEqualTo(new ComponentType(PluginKind.LOSS));
    assertThat(p.defaultValue()).contains(ComponentSpec.of(PluginKind.LOSS, "mse"));
    assertThat(p.isRequired()).isFalse();
    assertThat(p.doc()).isEqualTo("what training minimizes");
    assertThat(PluginKind.LOSS.param("loss", null, "doc").defaultValue()).isEmpty();
    assertThat(PluginKind.LOSS.param("loss", null, "doc").isRequired()).isTrue();
    assertThat(PluginKind.METRIC.type().kind()).isEqualTo(PluginKind.METRIC);
    assertThat(PluginKind.METRIC.type().settings()).isEmpty();
  }
}
