package io.dendrite.runner.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import io.dendrite.core.DendriteException;
import io.dendrite.core.experiment.Experiment;
import io.dendrite.core.param.ComponentSpec;
import io.dendrite.core.param.Params;
import io.dendrite.core.plugin.ComponentFactory;
import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.core.spi.Activation;
import io.dendrite.core.spi.ActivationPlugin;
import io.dendrite.core.spi.LossPlugin;
import io.dendrite.core.spi.Optimizer;
import io.dendrite.core.spi.PluginKind;
import io.dendrite.runner.ExperimentLoader;
import io.dendrite.runner.ExperimentRun;
import io.dendrite.runner.FixturePlugins;
import io.dendrite.runner.RunSettings;
import io.dendrite.runner.TestFiles;
import io.dendrite.runner.validate.LoadedExperiment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginModuleTests {
  @Test
  void bindsOneMapPerKindKeyedById() {
    Injector injector = Guice.createInjector(new PluginModule(FixturePlugins.registry()));
    Map<String, ActivationPlugin> activations =
        injector.getInstance(Key.get(new TypeLiteral<Map<String, ActivationPlugin>>() {}));
    assertThat(activations).containsKeys("relu", "softmax", "identity").doesNotContainKey("linear");
    Map<String, LossPlugin> losses =
        injector.getInstance(Key.get(new TypeLiteral<Map<String, LossPlugin>>() {}));
    assertThat(losses).containsOnlyKeys("cross_entropy", "mse");
    for (PluginKind kind : PluginKind.values()) {
      assertThat(injector.getInstance(PluginModule.mapKey(kind)))
          .as(kind.id())
          .hasSameSizeAs(FixturePlugins.registry().plugins(kind));
    }
  }

  @Test
  void componentFactoryCreatesPluginsByIdThroughGuice() {
    PluginRegistry registry = FixturePlugins.registry();
    Injector injector =
        Guice.createInjector(
            new PluginModule(registry),
            binder -> binder.bind(ComponentFactory.class).to(GuiceComponentFactory.class));
    ComponentFactory factory = injector.getInstance(ComponentFactory.class);
    Params params =
        Params.resolve(
            registry.require(PluginKind.OPTIMIZER, "sgd").plugin().params(),
            Map.of("momentum", 0.9));
    Optimizer sgd =
        factory.create(new ComponentSpec(PluginKind.OPTIMIZER, "sgd", params), Optimizer.class);
    assertThat(sgd).isEqualTo(new FixturePlugins.Created("sgd", params));
    Activation relu =
        factory.create(
            new ComponentSpec(PluginKind.ACTIVATION, "relu", Params.empty()), Activation.class);
    assertThat(relu)
        .isNotSameAs(
            factory.create(
                new ComponentSpec(PluginKind.ACTIVATION, "relu", Params.empty()),
                Activation.class));
  }

  @Test
  void anIdClaimedTwiceFailsOnlyWhenUsedAndNamesBoth() {
    PluginRegistry registry = FixturePlugins.registry(duplicateRelu());
    Injector injector =
        Guice.createInjector(
            new PluginModule(registry),
            binder -> binder.bind(ComponentFactory.class).to(GuiceComponentFactory.class));
    ComponentFactory factory = injector.getInstance(ComponentFactory.class);
    assertThat(
            factory.create(
                new ComponentSpec(PluginKind.ACTIVATION, "softmax", Params.empty()),
                Activation.class))
        .isNotNull();
    assertThatThrownBy(
            () ->
                factory.create(
                    new ComponentSpec(PluginKind.ACTIVATION, "relu", Params.empty()),
                    Activation.class))
        .isInstanceOf(DendriteException.class)
        .hasMessageContaining("activation id 'relu' is provided by more than one plugin")
        .hasMessageContaining(FixturePlugins.SOURCE);
  }

  private static ActivationPlugin duplicateRelu() {
    return new ActivationPlugin() {
      @Override
      public String id() {
        return "relu";
      }

      @Override
      public Activation create(Params params) {
        return new FixturePlugins.Created("relu2", params);
      }
    };
  }

  @Test
  void experimentModuleBindsTheExperimentAndTheRun(@TempDir Path dir) {
    PluginRegistry registry = FixturePlugins.registry();
    Path file = TestFiles.write(dir, "exp.yaml", TestFiles.VALID);
    LoadedExperiment loaded = new ExperimentLoader(registry).load(file, "exp.yaml", List.of());
    RunSettings settings =
        new RunSettings(dir, "run", new PrintWriter(new StringWriter()), false, false, "test");
    Injector injector =
        Guice.createInjector(new PluginModule(registry), new ExperimentModule(loaded, settings));
    assertThat(injector.getInstance(Experiment.class)).isSameAs(loaded.experiment());
    assertThat(injector.getInstance(ComponentFactory.class))
        .isInstanceOf(GuiceComponentFactory.class);
    assertThat(injector.getInstance(ExperimentRun.class)).isNotNull();
  }
}
