package io.dendrite.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dendrite.core.param.Param;
import io.dendrite.core.param.Params;
import io.dendrite.core.spi.support.Reduction;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.core.tensor.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** What a plugin author gets without overriding: the defaults of the SPI's interfaces. */
class SpiDefaultsTests {
  private static final Param<Integer> UNITS = Param.integer("units", 4, "outputs");

  @Test
  void aPluginDeclaresNothingButItsIdByDefault() {
    Plugin<String> p =
        new Plugin<>() {
          @Override
          public String id() {
            return "plain";
          }

          @Override
          public String create(Params params) {
            return "made";
          }
        };
    assertThat(p.aliases()).isEmpty();
    assertThat(p.summary()).isEmpty();
    assertThat(p.params()).isEmpty();
    assertThat(p.derivedDefaults(Params.empty())).isEmpty();
    // A class of no jar has no manifest version.
    assertThat(p.version()).isEqualTo("unknown");
  }

  @Test
  void declaredPluginsGiveTheirDeclaration() {
    LayerPlugin.Base layer =
        new LayerPlugin.Base(
            DeclaredPlugin.declare("wide", "a wide layer").aliases("broad").params(UNITS),
            params -> null) {};
    assertThat(layer.id()).isEqualTo("wide");
    assertThat(layer.summary()).isEqualTo("a wide layer");
    assertThat(layer.aliases()).containsExactly("broad");
    assertThat(layer.params()).containsExactly(UNITS);
    assertThat(layer.toString()).isEqualTo(layer.getClass().getName() + "[wide]");
    assertThat(layer.outputSize(Params.defaults(List.of(UNITS)), OptionalInt.of(3))).isEmpty();
    assertThat(layer.outputs(Params.empty())).isEqualTo(Outputs.UNKNOWN);
    assertThat(layer.derivedDefaults(Params.empty())).isEmpty();
  }

  @Test
  void activationsAndLossesDeclareNoOutputKindByDefault() {
    ActivationPlugin a = new ActivationPlugin.Base("id_like", "identity", () -> null) {};
    assertThat(a.outputs(Params.empty())).isEqualTo(Outputs.UNKNOWN);
    LossPlugin l = new LossPlugin.Base("plain_loss", "a loss", () -> null) {};
    assertThat(l.input(Params.empty())).isEqualTo(LossInput.ANY);
    assertThat(LossInput.ANY.needs()).isEqualTo(Outputs.REAL);
    assertThat(LossInput.ANY.otherwise()).isEmpty();
  }

  @Test
  void lossInputSaysWhatALossNeedsAndWhatToChange() {
    LossInput plain = LossInput.of(Outputs.CLASS_PROBABILITIES);
    assertThat(plain.needs()).isEqualTo(Outputs.CLASS_PROBABILITIES);
    assertThat(plain.otherwise()).isEmpty();
    LossInput advised = LossInput.of(Outputs.PROBABILITIES, "use sigmoid");
    assertThat(advised.needs()).isEqualTo(Outputs.PROBABILITIES);
    assertThat(advised.otherwise()).contains("use sigmoid");
  }

  @Test
  void metricsMaximizeAndDatasetsReadNoInputsByDefault() {
    Metric m =
        new Metric() {
          @Override
          public void reset() {}

          @Override
          public void update(Matrix output, Matrix targets) {}

          @Override
          public MetricValue result() {
            return MetricValue.of(Double.NaN);
          }
        };
    assertThat(m.goal()).isEqualTo(Metric.Goal.MAXIMIZE);
    Dataset d =
        (Dataset)
            java.lang.reflect.Proxy.newProxyInstance(
                Dataset.class.getClassLoader(),
                new Class<?>[] {Dataset.class},
                (proxy, method, args) ->
                    java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args));
    assertThat(d.inputFormats()).isEqualTo("none");
  }

  /** An optimizer that records what it was asked to update. */
  static final class Recording implements Optimizer {
    final List<List<Parameter>> steps = new ArrayList<>();

    @Override
    public void step(List<Parameter> parameters) {
      steps.add(parameters);
    }

    @Override
    public double learningRate() {
      return 0.1;
    }

    @Override
    public void setLearningRate(double learningRate) {}
  }

  @Test
  void theDefaultStepIfFiniteStepsOnlyWhenEveryGradientIsFinite() {
    Recording o = new Recording();
    Parameter fine = Parameter.zeros("a", Matrix.floats(1, 1), 1, 2);
    Parameter bad = Parameter.zeros("b", Matrix.floats(1, 1), 1, 2);
    bad.gradient().set(1, Float.NaN);
    assertThat(o.stepIfFinite(List.of(fine, bad))).isEqualTo(1);
    assertThat(o.stepIfFinite(List.of(bad))).isZero();
    assertThat(o.steps).isEmpty();
    assertThat(o.stepIfFinite(List.of(fine, fine))).isEqualTo(-1);
    assertThat(o.steps).containsExactly(List.of(fine, fine));
    assertThat(o.state()).isEmpty();
    o.restoreState(Map.of("x", Matrix.floats(1, 1)));
    o.useKernels(null);
  }

  @Test
  void aDataShapeNeedsFeaturesAndClasses() {
    assertThat(new DataShape(1, 1).features()).isEqualTo(1);
    for (int[] bad : new int[][] {{0, 1}, {1, 0}, {-1, 3}}) {
      assertThatThrownBy(() -> new DataShape(bad[0], bad[1]))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "a shape needs features and classes: features=%d, classes=%d", bad[0], bad[1]);
    }
  }

  @Test
  void aComponentSpecPrintsItsSettingsIdAndParams() {
    assertThat(ComponentSpec.of(PluginKind.LAYER, "dense").toString()).isEqualTo("dense");
    Params units = Params.resolve(List.of(UNITS), Map.of("units", 8));
    assertThat(new ComponentSpec(PluginKind.LAYER, "dense", units).toString())
        .isEqualTo("dense" + units);
    Params named = Params.resolve(List.of(ComponentType.NAME), Map.of("name", "acc"));
    ComponentSpec metric = new ComponentSpec(PluginKind.METRIC, "accuracy", Params.empty(), named);
    assertThat(metric.toString()).isEqualTo(named + " accuracy");
    assertThat(metric.name()).isEqualTo("acc");
    assertThat(ComponentSpec.of(PluginKind.METRIC, "accuracy").name()).isEqualTo("accuracy");
  }

  @Test
  void reductionsAreNamedAsPyTorchNamesThem() {
    assertThat(Reduction.of("mean")).isEqualTo(Reduction.MEAN);
    assertThat(Reduction.of("sum")).isEqualTo(Reduction.SUM);
    assertThat(Reduction.PARAM.choices()).containsExactly("mean", "sum");
  }
}
