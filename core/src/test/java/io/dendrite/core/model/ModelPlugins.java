package io.dendrite.core.model;

import io.dendrite.core.data.Examples;
import io.dendrite.core.param.Param;
import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.core.plugin.RegisteredPlugin;
import io.dendrite.core.spi.ActivationPlugin;
import io.dendrite.core.spi.DatasetPlugin;
import io.dendrite.core.spi.LossPlugin;
import io.dendrite.core.spi.Optimizer;
import io.dendrite.core.spi.OptimizerPlugin;
import io.dendrite.core.spi.PluginKind;
import io.dendrite.core.spi.Preprocessor;
import io.dendrite.core.spi.PreprocessorPlugin;
import io.dendrite.core.spi.support.ElementwiseActivation;
import io.dendrite.core.tensor.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * The plugins a saved model of core's tests needs besides core's stand-ins: tanh, a loss, an
 * optimizer and a dataset (named by the experiment, never used by a model) and a scaling step.
 */
final class ModelPlugins {
  private ModelPlugins() {}

  /** Core's stand-ins (dense, initializers, accuracy) and these. */
  static PluginRegistry registry() {
    List<RegisteredPlugin> all =
        new ArrayList<>(PluginRegistry.discover(ModelPlugins.class.getClassLoader()).plugins());
    all.add(new RegisteredPlugin(PluginKind.ACTIVATION, new TanhPlugin(), "test"));
    all.add(new RegisteredPlugin(PluginKind.LOSS, new NoLoss(), "test"));
    all.add(new RegisteredPlugin(PluginKind.OPTIMIZER, new NoOptimizer(), "test"));
    all.add(new RegisteredPlugin(PluginKind.DATASET, new NoDataset(), "test"));
    all.add(new RegisteredPlugin(PluginKind.PREPROCESSOR, new ScalePlugin(), "test"));
    return new PluginRegistry(all, List.of());
  }

  static final class TanhPlugin extends ActivationPlugin.Base {
    TanhPlugin() {
      super(
          "tanh",
          "tanh",
          () ->
              new ElementwiseActivation() {
                @Override
                protected double apply(double x) {
                  return Math.tanh(x);
                }

                @Override
                protected double derivative(double x, double y) {
                  return 1 - y * y;
                }
              });
    }
  }

  static final class NoLoss extends LossPlugin.Base {
    NoLoss() {
      super("squared_error", "never evaluated", () -> (output, targets, grad) -> 0);
    }
  }

  static final class NoOptimizer extends OptimizerPlugin.Base {
    NoOptimizer() {
      super(
          "sgd",
          "never steps",
          () ->
              new Optimizer() {
                @Override
                public void step(List<Parameter> parameters) {}

                @Override
                public double learningRate() {
                  return 0;
                }

                @Override
                public void setLearningRate(double learningRate) {}
              });
    }
  }

  static final class NoDataset extends DatasetPlugin.Base {
    NoDataset() {
      super(
          "xor",
          "never loaded",
          () ->
              context -> {
                throw new AssertionError("a model loads no data");
              });
    }
  }

  static final Param<Double> FACTOR = Param.number("factor", 1, "every value times this");

  /** Multiplies every feature by its fitted {@code factor}. */
  static final class ScalePlugin extends PreprocessorPlugin.Base {
    ScalePlugin() {
      super(
          declare("scale", "times a factor").params(FACTOR),
          params ->
              new Preprocessor() {
                private final float factor = params.get(FACTOR).floatValue();

                @Override
                public void fit(Examples train) {}

                @Override
                public Examples apply(Examples examples) {
                  int n = examples.featureCount();
                  float[] scale = new float[n];
                  java.util.Arrays.fill(scale, factor);
                  return examples.withFeatures(examples.features().mapColumns(scale, new float[n]));
                }
              });
    }
  }
}
