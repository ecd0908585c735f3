package io.dendrite.layers;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.check.GradientCheck;
import io.dendrite.core.param.Params;
import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.ComponentSpec;
import io.dendrite.core.spi.Layer;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.spi.PluginKind;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.testkit.LayerContract;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DenseLayerTests extends LayerContract {
  @Override
  protected Plugin<Layer> plugin() {
    return new DenseLayer.Plugin();
  }

  @Override
  protected Map<String, Object> parameters() {
    return Map.of("units", 3, "activation", activation("relu"));
  }

  @Override
  protected <T> T component(ComponentSpec spec, Class<T> type) {
    return StandIns.create(spec, type);
  }

  private static ComponentSpec activation(String id) {
    return ComponentSpec.of(PluginKind.ACTIVATION, id);
  }

  private static ComponentSpec initializer(String id) {
    return ComponentSpec.of(PluginKind.INITIALIZER, id);
  }

  private static Params params(Map<String, Object> given) {
    return Params.resolve(new DenseLayer.Plugin().params(), given);
  }

  private static Layer dense(Map<String, Object> given, int inputs, StandIns.Context context) {
    Layer layer = new DenseLayer.Plugin().create(params(given));
    layer.build(inputs, context);
    layer.initialize(new Rng(11));
    return layer;
  }

  private static Layer dense(Map<String, Object> given, int inputs, int batch, boolean doubles) {
    return dense(given, inputs, new StandIns.Context(batch, doubles, 12));
  }

  @Test
  void passesGradientCheckInDoublePrecision() {
    Layer layer = dense(Map.of("units", 4), 5, 3, true);
    // A non-zero bias, so that its gradient is checked away from the starting point too.
    layer.parameters().get(1).value().fill(0.3);
    GradientCheck.Result result =
        GradientCheck.ofLayer(layer, GradientCheck.random(3, 5, new Rng(1)), new Rng(2));
    assertThat(result.passes()).as(result.toString()).isTrue();
    assertThat(result.maxError()).isLessThan(1e-8);
  }

  @Test
  void passesGradientCheckWithoutBias() {
    Layer layer = dense(Map.of("units", 3, "use_bias", false), 4, 2, true);
    assertThat(layer.parameters()).hasSize(1);
    GradientCheck.Result result =
        GradientCheck.ofLayer(layer, GradientCheck.random(2, 4, new Rng(5)), new Rng(6));
    assertThat(result.passes()).as(result.toString()).isTrue();
  }

  @Test
  void computesXTimesWeightTransposedPlusBias() {
    Layer layer = dense(Map.of("units", 2), 3, 1, false);
    Matrix w = layer.parameters().get(0).value();
    Matrix b = layer.parameters().get(1).value();
    float[] weights = {1, 2, 3, -1, 0, 1};
    System.arraycopy(weights, 0, w.floats(), 0, 6);
    b.set(0, 0.5);
    b.set(1, -0.5);
    Matrix y = layer.forward(Matrix.wrap(1, 3, new float[] {1, 1, 2}), false);
    assertThat(y.floats()).containsExactly(1 + 2 + 6 + 0.5f, -1 + 0 + 2 - 0.5f);
  }

  @Test
  void reusesItsBuffersForASmallerLastBatch() {
    Layer layer = dense(Map.of("units", 2), 3, 8, false);
    Matrix full = layer.forward(Matrix.floats(8, 3), true);
    Matrix partial = layer.forward(Matrix.floats(3, 3), true);
    assertThat(partial).isSameAs(full);
    assertThat(partial.rows()).isEqualTo(3);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "relu",
        "leaky_relu",
        "elu",
        "selu",
        "gelu",
        "silu",
        "swish",
        "mish",
        "relu6",
        "celu",
        "softplus"
      })
  void derivesHeNormalForTheReluFamily(String id) {
    assertThat(
            new DenseLayer.Plugin()
                .derivedDefaults(params(Map.of("units", 2, "activation", activation(id)))))
        .containsExactly(Map.entry("initializer", initializer("he_normal")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"tanh", "sigmoid", "softmax", "identity", "linear", "hard_tanh"})
  void derivesXavierUniformOtherwise(String id) {
    assertThat(
            new DenseLayer.Plugin()
                .derivedDefaults(params(Map.of("units", 2, "activation", activation(id)))))
        .containsExactly(Map.entry("initializer", initializer("xavier_uniform")));
  }

  @Test
  void derivesXavierUniformWithoutAnActivation() {
    assertThat(new DenseLayer.Plugin().derivedDefaults(params(Map.of("units", 2))))
        .containsExactly(Map.entry("initializer", initializer("xavier_uniform")));
  }

  @Test
  void derivesNothingWhenTheInitializerIsGiven() {
    assertThat(
            new DenseLayer.Plugin()
                .derivedDefaults(
                    params(
                        Map.of(
                            "units", 2,
                            "activation", activation("relu"),
                            "initializer", initializer("xavier_uniform")))))
        .isEmpty();
  }

  @Test
  void createPicksTheDerivedInitializerWithoutBeingGivenIt() {
    StandIns.Context relu = new StandIns.Context(4, true, 1);
    dense(Map.of("units", 2, "activation", activation("relu")), 3, relu);
    assertThat(relu.created).containsExactly("he_normal", "zeros");
    StandIns.Context tanh = new StandIns.Context(4, true, 1);
    dense(Map.of("units", 2, "activation", activation("tanh")), 3, tanh);
    assertThat(tanh.created).containsExactly("xavier_uniform", "zeros");
    StandIns.Context given = new StandIns.Context(4, true, 1);
    dense(
        Map.of("units", 2, "activation", activation("relu"), "initializer", initializer("ones")),
        3,
        given);
    assertThat(given.created).containsExactly("ones", "zeros");
    StandIns.Context noBias = new StandIns.Context(4, true, 1);
    dense(Map.of("units", 2, "use_bias", false), 3, noBias);
    assertThat(noBias.created).containsExactly("xavier_uniform");
  }

  /** The weights are drawn exactly as before the bias initializer existed: first, and alone. */
  @Test
  void weightsComeFirstAndAZeroBiasDrawsNothing() {
    Map<String, Object> given = new HashMap<>();
    given.put("units", 4);
    given.put("activation", activation("relu"));
    Layer layer = dense(given, 6, 2, true);
    Rng rng = new Rng(11);
    Matrix w = layer.parameters().get(0).value();
    for (int i = 0; i < w.size(); i++) {
      assertThat(w.get(i)).isEqualTo(rng.nextGaussian() * Math.sqrt(2.0 / 6));
    }
    assertThat(layer.parameters().get(1).value().get(0)).isZero();

    // A bias initializer that draws continues the same generator after the weights.
    given.put("initializer", initializer("xavier_uniform"));
    given.put("bias_initializer", initializer("xavier_uniform"));
    Layer drawn = dense(given, 6, 2, true);
    Rng again = new Rng(11);
    Matrix w2 = drawn.parameters().get(0).value();
    for (int i = 0; i < w2.size(); i++) {
      assertThat(w2.get(i)).isEqualTo((2 * again.nextDouble() - 1) * Math.sqrt(6.0 / 10));
    }
    Matrix b = drawn.parameters().get(1).value();
    for (int i = 0; i < b.size(); i++) {
      assertThat(b.get(i)).isEqualTo((2 * again.nextDouble() - 1) * Math.sqrt(6.0 / 5));
    }
  }

  @Test
  void biasInitializerDefaultsToZerosAndInitializerHasNoFixedDefault() {
    DenseLayer.Plugin plugin = new DenseLayer.Plugin();
    Params p = params(Map.of("units", 1));
    assertThat(p.get(DenseLayer.BIAS_INITIALIZER).id()).isEqualTo("zeros");
    assertThat(p.has(DenseLayer.INITIALIZER)).isFalse();
    assertThat(plugin.params().stream().map(x -> x.name()))
        .containsExactly("units", "activation", "initializer", "use_bias", "bias_initializer");
    assertThat(List.of(plugin.id(), plugin.aliases()))
        .containsExactly("dense", List.of("linear", "fully_connected"));
  }
}
