package io.dendrite.core.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dendrite.core.DendriteException;
import io.dendrite.core.spi.MetricValue;
import io.dendrite.core.train.EpochResult;
import io.dendrite.core.train.Evaluation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Metadata values as JSON text (safetensors metadata holds strings only), with doubles written
 * exactly and NaN or infinities as the strings {@code "NaN"}, {@code "Infinity"}, {@code
 * "-Infinity"}.
 */
final class MetadataJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private MetadataJson() {}

  static String write(Object value) {
    try {
      return JSON.writeValueAsString(plain(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write metadata as JSON", e);
    }
  }

  /** {@code value} with paths as text and non-finite doubles as their names. */
  static Object plain(Object value) {
    if (value instanceof Double d && !Double.isFinite(d)) {
      return d.isNaN() ? "NaN" : d > 0 ? "Infinity" : "-Infinity";
    }
    if (value instanceof Path p) {
      return p.toString();
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(v -> out.add(plain(v)));
      return out;
    }
    return value;
  }

  /** The JSON object {@code key} of {@code metadata} holds. */
  static Map<String, Object> readObject(Map<String, String> metadata, String key, Path file) {
    String text = metadata.get(key);
    if (text == null) {
      throw DendriteException.data(
          file.toAbsolutePath()
              + ": no '"
              + key
              + "' in the metadata; it is not a Dendrite file of this kind");
    }
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> m = JSON.readValue(text, Map.class);
      if (m == null) {
        throw DendriteException.data(
            file.toAbsolutePath() + ": the metadata '" + key + "' is null, not a JSON object");
      }
      return m;
    } catch (JsonProcessingException e) {
      throw DendriteException.data(
          file.toAbsolutePath()
              + ": the metadata '"
              + key
              + "' is not valid JSON ("
              + e.getOriginalMessage()
              + ")",
          e);
    }
  }

  /** A double from its JSON form. */
  static double number(Object value) {
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    if (value instanceof String s) {
      return switch (s) {
        case "NaN" -> Double.NaN;
        case "Infinity" -> Double.POSITIVE_INFINITY;
        case "-Infinity" -> Double.NEGATIVE_INFINITY;
        default -> throw new IllegalArgumentException("not a number: " + s);
      };
    }
    throw new IllegalArgumentException("not a number: " + value);
  }

  static Map<String, Object> epoch(EpochResult e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("epoch", e.epoch());
    m.put("train", evaluation(e.train()));
    m.put("validation", e.validation().map(MetadataJson::evaluation).orElse(null));
    m.put("seconds", e.seconds());
    m.put("steps", e.steps());
    m.put("learning_rate", e.learningRate());
    return m;
  }

  static Map<String, Object> evaluation(Evaluation e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("loss", e.loss());
    m.put("examples", e.examples());
    Map<String, Object> metrics = new LinkedHashMap<>();
    e.metrics()
        .forEach(
            (name, v) -> {
              Map<String, Object> value = new LinkedHashMap<>();
              value.put("value", v.value());
              value.put("per_class", v.perClass());
              value.put("matrix", v.matrix());
              metrics.put(name, value);
            });
    m.put("metrics", metrics);
    return m;
  }

  @SuppressWarnings("unchecked")
  static EpochResult epochFrom(Map<String, Object> m) {
    return new EpochResult(
        ((Number) m.get("epoch")).intValue(),
        evaluationFrom((Map<String, Object>) m.get("train")),
        Optional.ofNullable((Map<String, Object>) m.get("validation"))
            .map(MetadataJson::evaluationFrom),
        number(m.get("seconds")),
        ((Number) m.get("steps")).intValue(),
        number(m.get("learning_rate")));
  }

  @SuppressWarnings("unchecked")
  static Evaluation evaluationFrom(Map<String, Object> m) {
    Map<String, MetricValue> metrics = new LinkedHashMap<>();
    ((Map<String, Object>) m.get("metrics"))
        .forEach(
            (name, raw) -> {
              Map<String, Object> v = (Map<String, Object>) raw;
              List<Double> perClass = new ArrayList<>();
              ((List<Object>) v.get("per_class")).forEach(x -> perClass.add(number(x)));
              List<List<Double>> matrix = new ArrayList<>();
              for (Object row : (List<Object>) v.get("matrix")) {
                List<Double> r = new ArrayList<>();
                ((List<Object>) row).forEach(x -> r.add(number(x)));
                matrix.add(r);
              }
              metrics.put(name, new MetricValue(number(v.get("value")), perClass, matrix));
            });
    return new Evaluation(number(m.get("loss")), metrics, ((Number) m.get("examples")).intValue());
  }
}
