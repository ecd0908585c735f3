package io.dendrite.spark.distributed;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Plain data ({@code Experiment.toMap()}) in a form Spark can ship: paths as text. */
public final class PlainData {
  private PlainData() {}

  /** A copy of {@code plain} made of maps, lists, text, numbers and booleans only. */
  @SuppressWarnings("unchecked")
  public static <T> T shippable(T plain) {
    return (T) copy(plain);
  }

  private static Object copy(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), copy(v)));
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(v -> out.add(copy(v)));
      return out;
    }
    if (value instanceof Path path) {
      return path.toString();
    }
    return value;
  }
}
