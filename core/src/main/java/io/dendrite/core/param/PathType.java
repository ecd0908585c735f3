package io.dendrite.core.param;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * A file or folder. Front ends resolve relative paths against the experiment file's folder.
 *
 * @param input true when the plugin reads the path, so that it must exist before anything runs
 */
public record PathType(boolean input) implements ValueType<Path> {
  @Override
  public Path convert(Object raw) {
    if (raw instanceof Path p) {
      return p;
    }
    if (!(raw instanceof String s) || s.isBlank()) {
      throw Values.mismatch(this, raw);
    }
    try {
      return Path.of(s);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("not a valid path: " + e.getMessage(), e);
    }
  }

  @Override
  public Object toPlain(Path value) {
    return value;
  }

  @Override
  public String expectation() {
    return input ? "a path to an existing file" : "a path";
  }

  @Override
  public String label() {
    return "path";
  }
}
