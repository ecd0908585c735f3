package io.dendrite.runner.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import io.dendrite.core.DendriteException;
import io.dendrite.core.experiment.Experiment;
import io.dendrite.core.param.Params;
import io.dendrite.core.plugin.ComponentFactory;
import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.core.plugin.RegisteredPlugin;
import io.dendrite.core.spi.Activation;
import io.dendrite.core.spi.ActivationPlugin;
import io.dendrite.core.spi.ComponentSpec;
import io.dendrite.core.spi.Optimizer;
import io.dendrite.core.spi.PluginKind;
import io.dendrite.core.tensor.ComputePool;
import io.dendrite.core.tensor.Kernels;
import io.dendrite.core.train.TrainingListener;
import io.dendrite.runner.ExperimentLoader;
import io.dendrite.runner.ExperimentRun;
import io.dendrite.runner.FixturePlugins;
import io.dendrite.runner.TestFiles;
import io.dendrite.runner.output.RunSettings;
import io.dendrite.runner.validate.LoadedExperiment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginModuleTests {
  @Test
  void bindsOneMapPerKindKeyedByIdAndAlias() {
    PluginRegistry registry = FixturePlugins.registry();
    Injector injector = Guice.createInjector(new PluginModule(registry));
    Map<String, Set<RegisteredPlugin>> activations =
        injector.getInstance(PluginModule.mapKey(PluginKind.ACTIVATION));
    assertThat(activations).containsKeys("relu", "softmax", "identity", "linear");
    assertThat(activations.get("linear")).isEqualTo(activations.get("identity"));
    assertThat(activations.get("relu"))
        .singleElement()
        .extracting(RegisteredPlugin::source)
        .isEqualTo(FixturePlugins.SOURCE);
    assertThat(injector.getInstance(PluginModule.mapKey(PluginKind.LOSS)))
        .containsOnlyKeys("cross_entropy", "mse");
    Map<PluginKind, Map<String, Set<RegisteredPlugin>>> byKind =
        injector.getInstance(
            Key.get(new TypeLiteral<Map<PluginKind, Map<String, Set<RegisteredPlugin>>>>() {}));
    for (PluginKind kind : PluginKind.values()) {
      assertThat(byKind.get(kind).keySet())
          .as(kind.id())
          .containsExactlyInAnyOrderElementsOf(registry.names(kind));
    }
  }

  @Test
  void componentFactoryCreatesPluginsByIdThroughGuice() {
    PluginRegistry registry = FixturePlugins.registry();
    Injector injector = Guice.createInjector(new PluginModule(registry));
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
    Injector injector = Guice.createInjector(new PluginModule(registry));
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
  void anAliasCreatesTheSamePluginAndAnUnknownIdIsRefused() {
    Injector injector = Guice.createInjector(new PluginModule(FixturePlugins.registry()));
    ComponentFactory factory = injector.getInstance(ComponentFactory.class);
    assertThat(factory.create(ComponentSpec.of(PluginKind.ACTIVATION, "linear"), Activation.class))
        .isEqualTo(new FixturePlugins.Created("identity", Params.empty()));
    assertThatThrownBy(
            () -> factory.create(ComponentSpec.of(PluginKind.ACTIVATION, "rleu"), Activation.class))
        .isInstanceOf(DendriteException.class)
        .hasMessageStartingWith("unknown activation 'rleu' (did you mean 'relu'?)");
  }

  @Test
  void runModuleBindsTheRunItsServicesAndItsListeners(@TempDir Path dir) {
    PluginRegistry registry = FixturePlugins.registry();
    Path file = TestFiles.write(dir, "exp.yaml", TestFiles.VALID);
    LoadedExperiment loaded = new ExperimentLoader(registry).load(file, "exp.yaml", List.of());
    RunSettings settings =
        new RunSettings(
            dir,
            "run",
            new PrintWriter(new StringWriter()),
            false,
            false,
            "test",
            dir.resolve("c"));
    Injector injector =
        Guice.createInjector(new PluginModule(registry), new RunModule(loaded, settings));
    assertThat(injector.getInstance(Experiment.class)).isSameAs(loaded.experiment());
    assertThat(injector.getInstance(ComponentFactory.class))
        .isInstanceOf(GuiceComponentFactory.class);
    Set<TrainingListener> listeners =
        injector.getInstance(Key.get(new TypeLiteral<Set<TrainingListener>>() {}));
    assertThat(listeners)
        .extracting(l -> l.getClass().getSimpleName())
        .containsExactly("MetricsWriter", "ConsoleReporter", "CheckpointWriter");
    ComputePool pool = injector.getInstance(ComputePool.class);
    try {
      assertThat(injector.getInstance(ComputePool.class)).as("one pool per run").isSameAs(pool);
      assertThat(pool.threads()).isEqualTo(loaded.experiment().training().effectiveThreads());
      assertThat(injector.getInstance(Kernels.class).pool()).isSameAs(pool);
      assertThat(injector.getInstance(ExperimentRun.class)).isNotNull();
    } finally {
      pool.close();
    }
    Injector other =
        Guice.createInjector(new PluginModule(registry), new RunModule(loaded, settings));
    ComputePool second = other.getInstance(ComputePool.class);
    assertThat(second).as("each run has its own pool").isNotSameAs(pool);
    second.close();
  }
}
