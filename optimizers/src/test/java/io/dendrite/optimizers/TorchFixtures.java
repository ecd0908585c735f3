package io.dendrite.optimizers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dendrite.core.param.Params;
import io.dendrite.core.spi.Optimizer;
import io.dendrite.core.spi.OptimizerPlugin;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.spi.Schedule;
import io.dendrite.core.spi.SchedulePlugin;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.core.tensor.Parameter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The reference values computed with PyTorch by {@code src/test/python/make_fixtures.py}.
 *
 * <p>They are read from {@code src/test/resources/fixtures/}; see the script for how they were
 * made.
 */
final class TorchFixtures {
  private TorchFixtures() {}

  static final List<String> PARAMETERS = List.of("layers.0.weight", "layers.0.bias");

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One optimizer setting: its parameters, and what PyTorch gave after some steps. */
  record OptimizerCase(
      String optimizer,
      Map<String, Object> params,
      String reference,
      Map<Integer, Map<String, float[]>> after,
      Map<String, float[]> state) {
    @Override
    public String toString() {
      return optimizer + " " + params;
    }

    Optimizer create() {
      return TorchFixtures.create(OptimizerPlugin.class, optimizer, params);
    }
  }

  /** One schedule setting: the rate PyTorch gave at each of 100 positions. */
  record ScheduleCase(
      String schedule,
      Map<String, Object> params,
      double baseRate,
      Schedule.Interval interval,
      String reference,
      double[] rates,
      String monitor,
      double[] values) {
    @Override
    public String toString() {
      return schedule + " " + params;
    }

    Schedule create() {
      return TorchFixtures.create(SchedulePlugin.class, schedule, params);
    }
  }

  /** The problem every optimizer case starts from, with gradients for {@link #gradients()}. */
  static List<Parameter> initialParameters() {
    JsonNode initial = read("optimizers.json").get("initial");
    int[][] shapes = {{2, 3}, {1, 3}};
    List<Parameter> params = new ArrayList<>();
    for (int k = 0; k < PARAMETERS.size(); k++) {
      String name = PARAMETERS.get(k);
      params.add(
          new Parameter(
              name,
              Matrix.wrap(shapes[k][0], shapes[k][1], floats(initial.get(name))),
              Matrix.floats(shapes[k][0], shapes[k][1])));
    }
    return params;
  }

  /** Gradients of every step: weight values then bias values. */
  static float[][] gradients() {
    JsonNode steps = read("optimizers.json").get("gradients");
    float[][] out = new float[steps.size()][];
    for (int t = 0; t < out.length; t++) {
      out[t] = floats(steps.get(t));
    }
    return out;
  }

  /** Sets the gradients of {@code step} (from 0) into {@code params}. */
  static void setGradients(List<Parameter> params, float[][] gradients, int step) {
    float[] g = gradients[step];
    int offset = 0;
    for (Parameter p : params) {
      System.arraycopy(g, offset, p.gradient().floats(), 0, p.gradient().size());
      offset += p.gradient().size();
    }
  }

  /** The fixture's parameters after {@code steps} steps of {@code optimizer}. */
  static List<Parameter> run(Optimizer optimizer, int steps) {
    List<Parameter> params = initialParameters();
    float[][] gradients = gradients();
    for (int t = 0; t < steps; t++) {
      setGradients(params, gradients, t);
      optimizer.step(params);
    }
    return params;
  }

  static List<OptimizerCase> optimizerCases() {
    List<OptimizerCase> cases = new ArrayList<>();
    for (JsonNode c : read("optimizers.json").get("cases")) {
      Map<Integer, Map<String, float[]>> after = new LinkedHashMap<>();
      c.get("after")
          .properties()
          .forEach(e -> after.put(Integer.parseInt(e.getKey()), floatsByName(e.getValue())));
      cases.add(
          new OptimizerCase(
              c.get("optimizer").asText(),
              plain(c.get("params")),
              c.get("reference").asText(),
              after,
              floatsByName(c.get("state"))));
    }
    return cases;
  }

  static List<ScheduleCase> scheduleCases() {
    List<ScheduleCase> cases = new ArrayList<>();
    for (JsonNode c : read("schedules.json").get("cases")) {
      cases.add(
          new ScheduleCase(
              c.get("schedule").asText(),
              plain(c.get("params")),
              c.get("base_rate").asDouble(),
              Schedule.Interval.valueOf(
                  c.get("interval").asText().toUpperCase(java.util.Locale.ROOT)),
              c.get("reference").asText(),
              doubles(c.get("rates")),
              c.has("monitor") ? c.get("monitor").asText() : null,
              c.has("values") ? doubles(c.get("values")) : null));
    }
    return cases;
  }

  static <T> T create(Class<? extends Plugin<T>> kind, String id, Map<String, Object> params) {
    for (Plugin<T> plugin : ServiceLoader.load(kind)) {
      if (plugin.id().equals(id)) {
        return plugin.create(Params.resolve(plugin.params(), params));
      }
    }
    throw new AssertionError("no plugin " + id);
  }

  private static JsonNode read(String name) {
    try (InputStream in = TorchFixtures.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new AssertionError("fixtures/" + name + " is missing: run make_fixtures.py");
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Object> plain(JsonNode params) {
    Map<String, Object> out = new LinkedHashMap<>();
    params
        .properties()
        .forEach(e -> out.put(e.getKey(), JSON.convertValue(e.getValue(), Object.class)));
    return out;
  }

  private static Map<String, float[]> floatsByName(JsonNode node) {
    Map<String, float[]> out = new LinkedHashMap<>();
    node.properties().forEach(e -> out.put(e.getKey(), floats(e.getValue())));
    return out;
  }

  // The JSON holds each float32 value as the double it is exactly, so the cast is exact.
  private static float[] floats(JsonNode values) {
    float[] out = new float[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) values.get(i).asDouble();
    }
    return out;
  }

  private static double[] doubles(JsonNode values) {
    double[] out = new double[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i).asDouble();
    }
    return out;
  }
}
