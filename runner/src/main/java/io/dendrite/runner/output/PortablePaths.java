package io.dendrite.runner.output;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain data with its paths relative to the folder of the file it goes in (a resolved experiment, a
 * model's metadata), so that the file works from where it lies and holds no absolute path of this
 * machine where a relative one does.
 */
public final class PortablePaths {
  private PortablePaths() {}

  /** {@code value} with every {@link Path} in it as text, relative to {@code folder} when near. */
  public static Object relativeTo(Path folder, Object value) {
    return plain(value, folder.toAbsolutePath().normalize());
  }

  /** The same for a map, typed. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> relativeTo(Path folder, Map<String, ?> value) {
    return (Map<String, Object>) plain(value, folder.toAbsolutePath().normalize());
  }

  private static Object plain(Object value, Path folder) {
    if (value instanceof Path p) {
      Path absolute = p.toAbsolutePath().normalize();
      // Relative only within a common folder: "../../../work/data" says less than "/work/data".
      boolean near =
          absolute.getRoot() != null
              && absolute.getRoot().equals(folder.getRoot())
              && absolute.getNameCount() > 0
              && folder.getNameCount() > 0
              && absolute.getName(0).equals(folder.getName(0));
      return near ? folder.relativize(absolute).toString() : absolute.toString();
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(k, plain(v, folder)));
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(v -> out.add(plain(v, folder)));
      return out;
    }
    return value;
  }
}
