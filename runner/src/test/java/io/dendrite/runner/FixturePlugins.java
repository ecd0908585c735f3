package io.dendrite.runner;

import io.dendrite.core.param.Param;
import io.dendrite.core.param.Params;
import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.core.plugin.RegisteredPlugin;
import io.dendrite.core.spi.Activation;
import io.dendrite.core.spi.ActivationPlugin;
import io.dendrite.core.spi.Dataset;
import io.dendrite.core.spi.DatasetPlugin;
import io.dendrite.core.spi.Initializer;
import io.dendrite.core.spi.InitializerPlugin;
import io.dendrite.core.spi.Layer;
import io.dendrite.core.spi.LayerPlugin;
import io.dendrite.core.spi.Loss;
import io.dendrite.core.spi.LossPlugin;
import io.dendrite.core.spi.Metric;
import io.dendrite.core.spi.MetricPlugin;
import io.dendrite.core.spi.Optimizer;
import io.dendrite.core.spi.OptimizerPlugin;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.spi.PluginKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stand-in plugins shaped like the built-in ones. Validation and CLI tests use them so that they do
 * not depend on the plugin modules' progress. Instances are empty stand-ins: only what they were
 * created with matters.
 */
public final class FixturePlugins {
  public static final String SOURCE = "fixture-plugins.jar";

  private FixturePlugins() {}

  /** An instance of any kind that remembers its id and parameters. */
  public record Created(String id, Params params)
      implements Activation, Loss, Optimizer, Initializer, Metric, Dataset {
    @Override
    public void forward(io.dendrite.core.tensor.Matrix z, io.dendrite.core.tensor.Matrix a) {}

    @Override
    public void backward(
        io.dendrite.core.tensor.Matrix z,
        io.dendrite.core.tensor.Matrix a,
        io.dendrite.core.tensor.Matrix gradA,
        io.dendrite.core.tensor.Matrix gradZ) {}

    @Override
    public double evaluate(
        io.dendrite.core.tensor.Matrix output,
        io.dendrite.core.tensor.Matrix targets,
        io.dendrite.core.tensor.Matrix gradOutput) {
      return 0;
    }

    @Override
    public void step(List<io.dendrite.core.tensor.Parameter> parameters) {}

    @Override
    public double learningRate() {
      return 0;
    }

    @Override
    public void setLearningRate(double learningRate) {}

    @Override
    public void initialize(
        io.dendrite.core.tensor.Matrix weights,
        int fanIn,
        int fanOut,
        io.dendrite.core.random.Rng rng) {}

    @Override
    public void reset() {}

    @Override
    public void update(
        io.dendrite.core.tensor.Matrix output, io.dendrite.core.tensor.Matrix targets) {}

    @Override
    public io.dendrite.core.spi.MetricValue result() {
      return io.dendrite.core.spi.MetricValue.of(0);
    }

    @Override
    public io.dendrite.core.data.Examples load(io.dendrite.core.spi.DatasetContext context) {
      return null;
    }

    @Override
    public Map<String, io.dendrite.core.tensor.Matrix> state() {
      return Map.of();
    }
  }

  /** A stand-in plugin of one kind. */
  abstract static class Fake<T> implements Plugin<T> {
    private final String id;
    private final List<String> aliases;
    private final List<Param<?>> params;

    Fake(String id, List<String> aliases, List<Param<?>> params) {
      this.id = id;
      this.aliases = aliases;
      this.params = params;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public List<String> aliases() {
      return aliases;
    }

    @Override
    public String summary() {
      return "stand-in " + id;
    }

    @Override
    public List<Param<?>> params() {
      return params;
    }
  }

  static final class FakeActivation extends Fake<Activation> implements ActivationPlugin {
    FakeActivation(String id, List<String> aliases, List<Param<?>> params) {
      super(id, aliases, params);
    }

    @Override
    public Activation create(Params params) {
      return new Created(id(), params);
    }
  }

  static final class FakeLoss extends Fake<Loss> implements LossPlugin {
    FakeLoss(String id) {
      super(id, List.of(), List.of());
    }

    @Override
    public Loss create(Params params) {
      return new Created(id(), params);
    }
  }

  static final class FakeOptimizer extends Fake<Optimizer> implements OptimizerPlugin {
    FakeOptimizer(String id, List<Param<?>> params) {
      super(id, List.of(), params);
    }

    @Override
    public Optimizer create(Params params) {
      return new Created(id(), params);
    }
  }

  static final class FakeInitializer extends Fake<Initializer> implements InitializerPlugin {
    FakeInitializer(String id) {
      super(id, List.of(), List.of());
    }

    @Override
    public Initializer create(Params params) {
      return new Created(id(), params);
    }
  }

  static final class FakeMetric extends Fake<Metric> implements MetricPlugin {
    FakeMetric(String id) {
      super(id, List.of(), List.of());
    }

    @Override
    public Metric create(Params params) {
      return new Created(id(), params);
    }
  }

  static final class FakeDataset extends Fake<Dataset> implements DatasetPlugin {
    FakeDataset(String id, List<Param<?>> params) {
      super(id, List.of(), params);
    }

    @Override
    public Dataset create(Params params) {
      return new Created(id(), params);
    }
  }

  static final class FakeLayer extends Fake<Layer> implements LayerPlugin {
    FakeLayer(String id, List<Param<?>> params) {
      super(id, List.of(), params);
    }

    @Override
    public Layer create(Params params) {
      throw new UnsupportedOperationException("stand-in layers are not created");
    }
  }

  /** Every stand-in, as discovery would report them. */
  public static List<Plugin<?>> plugins() {
    return List.of(
        new FakeActivation("identity", List.of("linear"), List.of()),
        new FakeActivation("relu", List.of(), List.of()),
        new FakeActivation("sigmoid", List.of(), List.of()),
        new FakeActivation("softmax", List.of(), List.of()),
        new FakeActivation(
            "leaky_relu",
            List.of(),
            List.of(Param.number("alpha", 0.01, "slope below zero").atLeast(0))),
        new FakeLoss("cross_entropy"),
        new FakeLoss("mse"),
        new FakeOptimizer(
            "adam",
            List.of(
                Param.number("learning_rate", 0.001, "step size").greaterThan(0),
                Param.number("beta1", 0.9, "decay of the first moment").atLeast(0).lessThan(1))),
        new FakeOptimizer(
            "sgd",
            List.of(
                Param.number("learning_rate", 0.01, "step size").greaterThan(0),
                Param.number("momentum", 0.0, "momentum").atLeast(0).lessThan(1))),
        new FakeInitializer("he_normal"),
        new FakeInitializer("xavier_uniform"),
        new FakeMetric("accuracy"),
        new FakeDataset(
            "mnist_sample", List.of(Param.choice("split", "train", "which part", "train", "test"))),
        new FakeDataset(
            "idx",
            List.of(
                Param.path("images", "the images file"), Param.path("labels", "the labels file"))),
        new FakeLayer(
            "dense",
            List.of(
                Param.integer("units", 1, "output width").atLeast(1).required(),
                PluginKind.ACTIVATION.param("activation", "identity", "activation"),
                PluginKind.INITIALIZER.param("initializer", "he_normal", "initial weights"),
                Param.bool("use_bias", true, "add a bias"))),
        new FakeLayer(
            "dropout",
            List.of(Param.number("rate", 0.5, "fraction dropped").atLeast(0).lessThan(1))));
  }

  /** A registry of the stand-ins, plus {@code extra}. */
  public static PluginRegistry registry(Plugin<?>... extra) {
    List<RegisteredPlugin> found = new ArrayList<>();
    List<Plugin<?>> all = new ArrayList<>(plugins());
    all.addAll(List.of(extra));
    for (Plugin<?> p : all) {
      found.add(new RegisteredPlugin(kindOf(p), p, SOURCE));
    }
    return new PluginRegistry(found, List.of());
  }

  static PluginKind kindOf(Plugin<?> p) {
    for (PluginKind k : PluginKind.values()) {
      if (k.serviceType().isInstance(p)) {
        return k;
      }
    }
    throw new IllegalArgumentException(p.getClass().getName());
  }
}
