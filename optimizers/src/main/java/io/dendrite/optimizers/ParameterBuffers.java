package io.dendrite.optimizers;

import io.dendrite.core.tensor.Matrix;
import io.dendrite.core.tensor.Parameter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One float32 buffer per parameter, keyed by {@link Parameter#name()}, such as Adam's first
 * moments; saved in optimizer state as {@code PREFIX/NAME}, e.g. {@code adam.m/layers.0.weight}.
 */
final class ParameterBuffers {
  private final String prefix;
  private final Map<String, Matrix> byName = new LinkedHashMap<>();

  /** Buffers saved under {@code prefix + "/" + name}. */
  ParameterBuffers(String prefix) {
    this.prefix = prefix + "/";
  }

  /** True once {@code p} has a buffer (from an earlier step or a restored state). */
  boolean has(Parameter p) {
    return byName.containsKey(p.name());
  }

  /** The buffer of {@code p}, created zero-filled in {@code p}'s shape on first use. */
  float[] of(Parameter p) {
    Matrix buffer = byName.get(p.name());
    if (buffer == null) {
      buffer = Matrix.floats(p.value().rows(), p.value().cols());
      byName.put(p.name(), buffer);
    } else if (buffer.rows() != p.value().rows() || buffer.cols() != p.value().cols()) {
      throw new IllegalArgumentException(
          "optimizer state "
              + prefix
              + p.name()
              + " is "
              + buffer.rows()
              + "x"
              + buffer.cols()
              + " but the parameter is "
              + p.value().rows()
              + "x"
              + p.value().cols()
              + ": the state belongs to another model");
    }
    return buffer.floats();
  }

  /** Adds a copy of every buffer to {@code state}. */
  void saveTo(Map<String, Matrix> state) {
    byName.forEach((name, buffer) -> state.put(prefix + name, buffer.copy()));
  }

  /**
   * Replaces the buffers with copies of the entries of {@code state} under this prefix, and adds
   * their keys to {@code used}.
   */
  void restoreFrom(Map<String, Matrix> state, Set<String> used) {
    byName.clear();
    state.forEach(
        (key, value) -> {
          if (key.startsWith(prefix) && key.length() > prefix.length()) {
            byName.put(key.substring(prefix.length()), value.toFloats());
            used.add(key);
          }
        });
  }

  /** Names of the parameters that have buffers. */
  Set<String> names() {
    return byName.keySet();
  }
}
