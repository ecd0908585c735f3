package io.dendrite.core.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dendrite.core.DendriteException;
import io.dendrite.core.param.Param;
import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.core.plugin.RegisteredPlugin;
import io.dendrite.core.spi.ComponentSpec;
import io.dendrite.core.spi.DatasetPlugin;
import io.dendrite.core.spi.DeclaredPlugin;
import io.dendrite.core.spi.LossPlugin;
import io.dendrite.core.spi.OptimizerPlugin;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.spi.PluginKind;
import io.dendrite.core.spi.SchedulePlugin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlainExperimentReaderTests {
  static final Param<Double> RATE = Param.number("learning_rate", 0.1, "step").greaterThan(0);
  static final Param<Integer> STEP = Param.integer("step_size", 2, "epochs").atLeast(1);

  private static PluginRegistry registry() {
    List<RegisteredPlugin> found = new ArrayList<>();
    PluginRegistry core =
        PluginRegistry.discover(PlainExperimentReaderTests.class.getClassLoader());
    found.addAll(core.plugins());
    List<Plugin<?>> extra =
        List.of(
            new LossPlugin.Base("mse", "squared error", () -> null) {},
            new OptimizerPlugin.Base(
                DeclaredPlugin.declare("sgd", "descent").params(RATE), p -> null) {},
            new SchedulePlugin.Base(
                DeclaredPlugin.declare("step", "steps").params(STEP), p -> null) {},
            new DatasetPlugin.Base("xor", "four points", () -> null) {});
    PluginKind[] kinds = {
      PluginKind.LOSS, PluginKind.OPTIMIZER, PluginKind.SCHEDULE, PluginKind.DATASET
    };
    for (int i = 0; i < extra.size(); i++) {
      found.add(new RegisteredPlugin(kinds[i], extra.get(i), "test"));
    }
    return new PluginRegistry(found, List.of());
  }

  private static Map<String, Object> plain() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("name", "roundtrip");
    values.put("seed", 99L);
    values.put("data", Map.of("train", Map.of("type", "xor"), "validation_split", 0.25));
    values.put(
        "model",
        Map.of(
            "layers",
            List.of(Map.of("type", "dense", "units", 3), Map.of("type", "linear", "units", 1))));
    values.put("loss", "mse");
    values.put(
        "optimizer",
        Map.of(
            "type",
            "sgd",
            "learning_rate",
            0.5,
            "schedule",
            Map.of("type", "step", "step_size", 3)));
    values.put("metrics", List.of("accuracy", Map.of("type", "accuracy", "name", "acc2")));
    return values;
  }

  @Test
  void readsBackWhatAnExperimentWrites() {
    PlainExperimentReader reader = new PlainExperimentReader(registry(), "model.safetensors");
    Experiment e = reader.read(plain());
    assertThat(e.name()).isEqualTo("roundtrip");
    assertThat(e.layers()).extracting(ComponentSpec::id).containsExactly("dense", "dense");
    assertThat(e.schedule()).hasValueSatisfying(s -> assertThat(s.id()).isEqualTo("step"));
    assertThat(e.metrics()).extracting(ComponentSpec::name).containsExactly("accuracy", "acc2");
    Experiment again = reader.read(e.toMap());
    assertThat(again).isEqualTo(e);
  }

  @Test
  void aPluginThatIsNotInstalledIsNamedWithItsKind() {
    Map<String, Object> values = plain();
    values.put("loss", "focal");
    assertThatThrownBy(() -> new PlainExperimentReader(registry(), "m.safetensors").read(values))
        .isInstanceOf(DendriteException.class)
        .hasMessageStartingWith(
            "m.safetensors: loss: needs the loss 'focal', which is not installed")
        .hasMessageEndingWith("install the plugin jar that provides it");
  }

  @Test
  void aChangedFileIsRefusedAtTheValue() {
    Map<String, Object> values = plain();
    values.put("seed", "ninety");
    assertThatThrownBy(() -> new PlainExperimentReader(registry(), "m.safetensors").read(values))
        .hasMessageStartingWith("m.safetensors: seed: expected a 64-bit integer")
        .extracting(e -> ((DendriteException) e).exitCode())
        .isEqualTo(3);
    Map<String, Object> extra = plain();
    extra.put("colour", "blue");
    assertThatThrownBy(() -> new PlainExperimentReader(registry(), "m.safetensors").read(extra))
        .hasMessageContaining("colour: is not a key of this version");
  }
}
