package io.dendrite.layers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dendrite.core.param.Params;
import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.Layer;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.tensor.Kernels;
import io.dendrite.core.tensor.Matrix;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The layers compute what PyTorch computes: outputs, input and parameter gradients, and running
 * statistics, from the fixtures {@code src/test/python/make_fixtures.py} wrote with PyTorch (see
 * there to rewrite them). Errors are relative to {@code max(1, |PyTorch's value|)}: below {@code
 * 1e-9} in float64 and {@code 1e-5} in float32.
 */
class PyTorchAgreementTests {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Before any float32 kernel runs in this JVM: see LayerContract.warmUpKernels. */
  @BeforeAll
  static void warmUpKernels() {
    Kernels.warmUp(3000);
  }

  private static JsonNode fixture(String name) throws IOException {
    try (InputStream in = PyTorchAgreementTests.class.getResourceAsStream("/fixtures/" + name)) {
      assertThat(in).as("fixture %s (run make_fixtures.py)", name).isNotNull();
      return JSON.readTree(in);
    }
  }

  private static double tolerance(boolean doubles) {
    return doubles ? 1e-9 : 1e-5;
  }

  /** A JSON list of lists as a matrix, a flat list as a 1×n one. */
  private static Matrix matrix(JsonNode node, boolean doubles) {
    boolean nested = node.get(0).isArray();
    int rows = nested ? node.size() : 1;
    int cols = nested ? node.get(0).size() : node.size();
    Matrix m = doubles ? Matrix.doubles(rows, cols) : Matrix.floats(rows, cols);
    for (int r = 0; r < rows; r++) {
      JsonNode row = nested ? node.get(r) : node;
      for (int c = 0; c < cols; c++) {
        m.set(r, c, row.get(c).asDouble());
      }
    }
    return m;
  }

  private static void set(Matrix target, JsonNode values) {
    target.copyFrom(matrix(values, target.isDouble()));
  }

  private static void agrees(Matrix actual, JsonNode expected, String what, boolean doubles) {
    Matrix e = matrix(expected, true);
    assertThat(actual.rows() + "x" + actual.cols())
        .as("shape of %s", what)
        .isEqualTo(e.rows() + "x" + e.cols());
    double worst = 0;
    int at = -1;
    for (int i = 0; i < e.size(); i++) {
      double error = Math.abs(actual.get(i) - e.get(i)) / Math.max(1, Math.abs(e.get(i)));
      if (!(error <= worst)) {
        worst = error;
        at = i;
      }
    }
    assertThat(worst)
        .as(
            "%s (%s) against PyTorch: worst error at [%d], %s vs %s",
            what,
            doubles ? "float64" : "float32",
            at,
            at < 0 ? "" : actual.get(at),
            at < 0 ? "" : e.get(at))
        .isLessThanOrEqualTo(tolerance(doubles));
  }

  private static Layer build(
      Plugin<Layer> plugin, Map<String, Object> params, int inputs, int rows, boolean doubles) {
    Layer layer = plugin.create(Params.resolve(plugin.params(), params));
    layer.build(inputs, new StandIns.Context(rows, doubles, 1));
    layer.initialize(new Rng(2));
    return layer;
  }

  /** Forward in {@code training} mode and backward, checked against one step of a fixture. */
  private static void step(
      Layer layer, JsonNode step, boolean training, String what, boolean doubles) {
    Matrix x = matrix(step.get("input"), doubles);
    agrees(layer.forward(x, training), step.get("output"), "output of " + what, doubles);
    Matrix dx = layer.backward(matrix(step.get("grad_output"), doubles));
    agrees(dx, step.get("grad_input"), "input gradient of " + what, doubles);
    if (step.has("grad_weight")) {
      agrees(
          layer.parameters().get(0).gradient(),
          step.get("grad_weight"),
          "weight gradient of " + what,
          doubles);
      agrees(
          layer.parameters().get(1).gradient(),
          step.get("grad_bias"),
          "bias gradient of " + what,
          doubles);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"float64", "float32"})
  void denseAgreesWithLinear(String precision) throws IOException {
    boolean doubles = precision.equals("float64");
    JsonNode f = fixture("dense.json").get(precision);
    Matrix weight = matrix(f.get("weight"), doubles);
    Layer layer =
        build(
            new DenseLayer.Plugin(),
            Map.of("units", weight.rows()),
            weight.cols(),
            f.get("input").size(),
            doubles);
    set(layer.parameters().get(0).value(), f.get("weight"));
    set(layer.parameters().get(1).value(), f.get("bias"));
    step(layer, f, true, "dense", doubles);
  }

  @ParameterizedTest
  @ValueSource(strings = {"float64", "float32"})
  void batchNormAgreesWithBatchNorm1d(String precision) throws IOException {
    boolean doubles = precision.equals("float64");
    for (JsonNode c : fixture("batch_norm.json").get("cases")) {
      JsonNode f = c.get(precision);
      String name = "batch_norm " + c.get("name").asText();
      JsonNode first = f.get("training_steps").get(0);
      Layer layer =
          build(
              new BatchNormLayer.Plugin(),
              Map.of(
                  "momentum", c.get("momentum").asDouble(), "epsilon", c.get("epsilon").asDouble()),
              first.get("input").get(0).size(),
              first.get("input").size(),
              doubles);
      set(layer.parameters().get(0).value(), f.get("weight"));
      set(layer.parameters().get(1).value(), f.get("bias"));
      set(layer.buffers().get(0).value(), f.get("running_mean"));
      set(layer.buffers().get(1).value(), f.get("running_var"));
      int n = 0;
      for (JsonNode s : f.get("training_steps")) {
        String what = name + " training step " + n++;
        step(layer, s, true, what, doubles);
        agrees(
            layer.buffers().get(0).value(),
            s.get("running_mean"),
            "running_mean after " + what,
            doubles);
        agrees(
            layer.buffers().get(1).value(),
            s.get("running_var"),
            "running_var after " + what,
            doubles);
        assertThat(layer.buffers().get(2).value().get(0))
            .as("num_batches_tracked after %s", what)
            .isEqualTo(s.get("num_batches_tracked").asDouble());
      }
      step(layer, f.get("evaluation"), false, name + " evaluation", doubles);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"float64", "float32"})
  void layerNormAgreesWithLayerNorm(String precision) throws IOException {
    boolean doubles = precision.equals("float64");
    for (JsonNode c : fixture("layer_norm.json").get("cases")) {
      JsonNode f = c.get(precision);
      boolean affine = c.get("elementwise_affine").asBoolean();
      Layer layer =
          build(
              new LayerNormLayer.Plugin(),
              Map.of("elementwise_affine", affine, "epsilon", c.get("epsilon").asDouble()),
              f.get("input").get(0).size(),
              f.get("input").size(),
              doubles);
      if (affine) {
        set(layer.parameters().get(0).value(), f.get("weight"));
        set(layer.parameters().get(1).value(), f.get("bias"));
      }
      for (boolean training : new boolean[] {true, false}) {
        step(layer, f, training, "layer_norm " + c.get("name").asText(), doubles);
      }
    }
  }
}
