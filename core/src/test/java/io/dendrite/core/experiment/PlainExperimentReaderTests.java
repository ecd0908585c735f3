package io.dendrite.core.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dendrite.core.DendriteException;
import io.dendrite.core.param.Param;
import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.core.plugin.RegisteredPlugin;
import io.dendrite.core.spi.ComponentSpec;
import io.dendrite.core.spi.ComponentType;
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

  @Test
  void anUnnamedExperimentIsCalledModelAndMissingSectionsTakeTheirDefaults() {
    Map<String, Object> values = plain();
    values.remove("name");
    Experiment e = new PlainExperimentReader(registry(), "m.safetensors").read(values);
    assertThat(e.name()).isEqualTo("model");
    assertThat(e.training().epochs()).isEqualTo(10);
    assertThat(e.training().checkpointKeep()).isEqualTo(3);
    assertThat(e.seed()).isEqualTo(99L);
  }

  @Test
  void relativePathsAreResolvedAgainstTheFolderOfTheFile() {
    Map<String, Object> values = plain();
    values.put("plugins", List.of("jars", "../other/x.jar", "/abs/y.jar"));
    java.nio.file.Path folder = java.nio.file.Path.of("/work/models");
    Experiment e = new PlainExperimentReader(registry(), "m.safetensors", folder).read(values);
    assertThat(e.plugins())
        .containsExactly(
            java.nio.file.Path.of("/work/models/jars"),
            java.nio.file.Path.of("/work/other/x.jar"),
            java.nio.file.Path.of("/abs/y.jar"));
    Experiment here = new PlainExperimentReader(registry(), "m.safetensors").read(values);
    assertThat(here.plugins().get(0))
        .isEqualTo(java.nio.file.Path.of("").toAbsolutePath().resolve("jars"));
  }

  @Test
  void aBlankOrInvalidPathIsRefusedAtItsIndex() {
    Map<String, Object> blank = plain();
    blank.put("plugins", List.of("jars", " "));
    assertThatThrownBy(() -> new PlainExperimentReader(registry(), "m.safetensors").read(blank))
        .isInstanceOf(DendriteException.class)
        .hasMessage(
            "m.safetensors: plugins[1]: expected a path to an existing file, found \" \" (text);"
                + " the file was changed, or written by another version");
    Map<String, Object> invalid = plain();
    invalid.put("plugins", List.of("a\0b"));
    assertThatThrownBy(() -> new PlainExperimentReader(registry(), "m.safetensors").read(invalid))
        .hasMessageStartingWith("m.safetensors: plugins[0]: not a valid path: ")
        .hasMessageEndingWith("; the file was changed, or written by another version");
  }

  @Test
  void aComponentNeedsAnIdOrAMappingWithAType() {
    Map<String, Object> values = plain();
    values.put("loss", Map.of("reduction", "mean"));
    assertThatThrownBy(() -> new PlainExperimentReader(registry(), "m.safetensors").read(values))
        .hasMessage(
            "m.safetensors: loss: expected a loss id or {type: id, ...}, found {reduction=mean};"
                + " the file was changed, or written by another version");
    Map<String, Object> number = plain();
    number.put("loss", 3);
    assertThatThrownBy(() -> new PlainExperimentReader(registry(), "m.safetensors").read(number))
        .hasMessageStartingWith(
            "m.safetensors: loss: expected a loss id or {type: id, ...}, found 3;");
  }

  @Test
  void aComponentAtTheTopHasNoPathAndKeepsItsParams() {
    PlainExperimentReader reader = new PlainExperimentReader(registry(), "m.safetensors");
    ComponentType optimizers =
        new ComponentType(PluginKind.OPTIMIZER, List.of(Experiment.SCHEDULE));
    assertThatThrownBy(() -> reader.component(optimizers, "lbfgs", ""))
        .hasMessageStartingWith(
            "m.safetensors: needs the optimizer 'lbfgs', which is not installed here (");
    ComponentSpec sgd =
        reader.component(optimizers, Map.of("type", "sgd", "learning_rate", 0.25), "");
    assertThat(sgd.id()).isEqualTo("sgd");
    assertThat(sgd.params().get(RATE)).isEqualTo(0.25);
    assertThat(sgd.setting(Experiment.SCHEDULE)).isEmpty();
    assertThatThrownBy(
            () -> reader.component(optimizers, Map.of("type", "sgd", "momentum", 1), "optimizer"))
        .hasMessage(
            "m.safetensors: optimizer.momentum: is not a key of this version; the file was"
                + " changed, or written by another version");
    assertThatThrownBy(
            () -> reader.component(optimizers, Map.of("type", "sgd", "learning_rate", -1), "opt"))
        .hasMessageStartingWith("m.safetensors: opt.learning_rate: must be > 0, found -1");
  }

  @Test
  void aMissingRequiredValueIsRefusedAtItsSection() {
    Map<String, Object> values = plain();
    values.put("data", Map.of("validation_split", 0.25));
    assertThatThrownBy(() -> new PlainExperimentReader(registry(), "m.safetensors").read(values))
        .isInstanceOf(DendriteException.class)
        .hasMessageStartingWith("m.safetensors: data: ")
        .hasMessageContaining("train")
        .hasMessageEndingWith("; the file was changed, or written by another version");
    Map<String, Object> nested = plain();
    nested.put("training", Map.of("clip", Map.of("colour", 1)));
    assertThatThrownBy(() -> new PlainExperimentReader(registry(), "m.safetensors").read(nested))
        .hasMessageStartingWith(
            "m.safetensors: training.clip.colour: is not a key of this version");
  }
}
