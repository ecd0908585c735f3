package io.dendrite.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dendrite.core.param.Params;
import io.dendrite.core.spi.Metric;
import io.dendrite.core.spi.MetricValue;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.tensor.Matrix;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The values scikit-learn gives on the cases of {@code src/test/python/make_fixtures.py}, and tests
 * that a metric agrees with them within {@code 1e-12} relative, fed in float64 and in float32 (the
 * inputs are float32 numbers), in batches of each case's size.
 */
final class ReferenceValues {
  private static final double TOLERANCE = 1e-12;

  private ReferenceValues() {}

  /** One test per expected value of {@code plugin}'s metric and per precision. */
  static Stream<DynamicTest> agreementOf(Plugin<Metric> plugin) {
    JsonNode root = read();
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode e : root.get("expected")) {
      if (!e.get("metric").asText().equals(plugin.id())) {
        continue;
      }
      JsonNode c = root.get("cases").get(e.get("case").asText());
      for (boolean float32 : new boolean[] {false, true}) {
        String name =
            e.get("case").asText() + " " + e.get("params") + (float32 ? " float32" : " float64");
        tests.add(DynamicTest.dynamicTest(name, () -> check(plugin, c, e, float32, name)));
      }
    }
    assertThat(tests).as("reference values of %s", plugin.id()).isNotEmpty();
    return tests.stream();
  }

  private static void check(
      Plugin<Metric> plugin, JsonNode c, JsonNode e, boolean float32, String name) {
    @SuppressWarnings("unchecked")
    Map<String, Object> given = new ObjectMapper().convertValue(e.get("params"), Map.class);
    Metric metric = plugin.create(Params.resolve(plugin.params(), given));
    Matrix outputs = matrix(c.get("outputs"), float32);
    Matrix targets = matrix(c.get("targets"), float32);
    feed(metric, outputs, targets, c.get("batch").asInt());
    MetricValue actual = metric.result();
    String what = plugin.id() + " on " + name;
    assertClose(number(e.get("value")), actual.value(), what + ": value");
    JsonNode perClass = e.get("per_class");
    assertThat(actual.perClass().size())
        .as("%s: per-class values %s", what, actual.perClass())
        .isEqualTo(perClass == null ? 0 : perClass.size());
    for (int i = 0; perClass != null && i < perClass.size(); i++) {
      assertClose(number(perClass.get(i)), actual.perClass().get(i), what + ": class " + i);
    }
    JsonNode matrix = e.get("matrix");
    assertThat(actual.matrix().size())
        .as("%s: matrix %s", what, actual.matrix())
        .isEqualTo(matrix == null ? 0 : matrix.size());
    for (int r = 0; matrix != null && r < matrix.size(); r++) {
      assertThat(actual.matrix().get(r)).hasSize(matrix.get(r).size());
      for (int k = 0; k < matrix.get(r).size(); k++) {
        assertClose(
            number(matrix.get(r).get(k)),
            actual.matrix().get(r).get(k),
            what + ": matrix[" + r + "][" + k + "]");
      }
    }
  }

  /** Feeds the rows in batches of {@code batch} through two reused buffers, as the trainer does. */
  static void feed(Metric metric, Matrix outputs, Matrix targets, int batch) {
    int cols = outputs.cols();
    Matrix out = outputs.like(batch, cols);
    Matrix tgt = targets.like(batch, cols);
    for (int from = 0; from < outputs.rows(); from += batch) {
      int rows = Math.min(batch, outputs.rows() - from);
      out.setRows(rows);
      tgt.setRows(rows);
      for (int i = 0; i < rows * cols; i++) {
        out.set(i, outputs.get(from * cols + i));
        tgt.set(i, targets.get(from * cols + i));
      }
      metric.update(out, tgt);
    }
  }

  private static void assertClose(double expected, double actual, String what) {
    if (Double.isNaN(expected) || Double.isNaN(actual)) {
      if (Double.isNaN(expected) != Double.isNaN(actual)) {
        fail("%s: expected %s, got %s", what, expected, actual);
      }
      return;
    }
    double error = Math.abs(actual - expected);
    if (!(actual == expected || error <= TOLERANCE * Math.abs(expected))) {
      fail(
          "%s: expected %s, got %s (relative error %.3g)",
          what, expected, actual, error / Math.abs(expected));
    }
  }

  private static double number(JsonNode n) {
    return n.isNull() ? Double.NaN : n.asDouble();
  }

  private static Matrix matrix(JsonNode rows, boolean float32) {
    int n = rows.size();
    int cols = rows.get(0).size();
    Matrix m = float32 ? Matrix.floats(n, cols) : Matrix.doubles(n, cols);
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < cols; c++) {
        double v = rows.get(r).get(c).asDouble();
        if (float32 && (float) v != v) {
          throw new IllegalStateException("input " + v + " is not a float32 number");
        }
        m.set(r, c, v);
      }
    }
    return m;
  }

  private static JsonNode read() {
    try (InputStream in = ReferenceValues.class.getResourceAsStream("/reference-values.json")) {
      if (in == null) {
        throw new IllegalStateException("reference-values.json is not on the test class path");
      }
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
