package io.dendrite.core.spi.support;

import io.dendrite.core.tensor.Matrix;
import io.dendrite.core.tensor.Parameter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An optimizer's per-parameter state: float32 buffers (Adam's moments, a momentum buffer) and step
 * counts, each keyed by the parameter's name, with the state export checkpoints need.
 *
 * <p>Buffers are created zero-filled in the parameter's shape on first use, so a step allocates
 * nothing after the first. In {@link #state()} they are named {@code OPTIMIZER.BUFFER/PARAMETER}
 * ({@code adam.m/layers.0.weight}) and step counts {@code OPTIMIZER.step/PARAMETER} (1×1 float64,
 * exact up to 2^53 steps); {@link #restore} takes exactly such entries back and refuses any other.
 */
public final class ParameterState {
  private static final String STEP = "step";

  private final String optimizer;
  // buffer name -> parameter name -> values: two lookups with existing keys, no allocation.
  private final Map<String, Map<String, Matrix>> buffers = new LinkedHashMap<>();
  private final Map<String, long[]> steps = new LinkedHashMap<>();

  /** State of the optimizer {@code id}, used as the prefix of every state entry. */
  public ParameterState(String id) {
    this.optimizer = id;
  }

  /** The buffer called {@code name} of {@code p}, zero-filled on first use. */
  public float[] buffer(String name, Parameter p) {
    Map<String, Matrix> byParameter = buffers.get(name);
    if (byParameter == null) {
      if (name.equals(STEP) || name.contains("/")) {
        throw new IllegalArgumentException("'" + name + "' cannot name a buffer");
      }
      byParameter = new LinkedHashMap<>();
      buffers.put(name, byParameter);
    }
    Matrix m = byParameter.get(p.name());
    if (m == null) {
      m = Matrix.floats(p.value().rows(), p.value().cols());
      byParameter.put(p.name(), m);
    } else if (m.rows() != p.value().rows() || m.cols() != p.value().cols()) {
      throw new IllegalArgumentException(
          "optimizer state "
              + key(name, p.name())
              + " is "
              + m.rows()
              + "x"
              + m.cols()
              + " but the parameter is "
              + p.value().rows()
              + "x"
              + p.value().cols()
              + ": the state belongs to another model");
    }
    return m.floats();
  }

  /** True once {@code p} has the buffer {@code name} (from an earlier step or a restore). */
  public boolean has(String name, Parameter p) {
    Map<String, Matrix> byParameter = buffers.get(name);
    return byParameter != null && byParameter.containsKey(p.name());
  }

  /** Counts a step of {@code p} and returns its number, 1 for the first. */
  public long nextStep(Parameter p) {
    long[] count = steps.get(p.name());
    if (count == null) {
      count = new long[1];
      steps.put(p.name(), count);
    }
    return ++count[0];
  }

  /** Steps counted for {@code p}, 0 before the first. */
  public long steps(Parameter p) {
    long[] count = steps.get(p.name());
    return count == null ? 0 : count[0];
  }

  /** Copies of every buffer and step count, named for checkpoints. */
  public Map<String, Matrix> state() {
    Map<String, Matrix> state = new LinkedHashMap<>();
    buffers.forEach(
        (name, byParameter) ->
            byParameter.forEach((param, values) -> state.put(key(name, param), values.copy())));
    steps.forEach(
        (param, count) -> state.put(key(STEP, param), Matrix.doubles(1, 1).fill(count[0])));
    return state;
  }

  /**
   * Replaces everything with copies of what {@link #state()} gave.
   *
   * @throws IllegalArgumentException for an entry that is not this optimizer's state, or a step
   *     count that is not a whole number
   */
  public void restore(Map<String, Matrix> state) {
    Map<String, Map<String, Matrix>> newBuffers = new LinkedHashMap<>();
    Map<String, long[]> newSteps = new LinkedHashMap<>();
    String prefix = optimizer + ".";
    for (Map.Entry<String, Matrix> e : state.entrySet()) {
      String key = e.getKey();
      int slash = key.indexOf('/');
      if (!key.startsWith(prefix) || slash <= prefix.length() || slash == key.length() - 1) {
        throw new IllegalArgumentException(
            "optimizer state '" + key + "' is not " + optimizer + " state");
      }
      String name = key.substring(prefix.length(), slash);
      String param = key.substring(slash + 1);
      if (name.equals(STEP)) {
        double count = e.getValue().size() == 1 ? e.getValue().get(0) : -1;
        // Infinity equals its own rint: refused on its own, as (long) would make it Long.MAX_VALUE.
        if (count < 0 || Double.isInfinite(count) || count != Math.rint(count)) {
          throw new IllegalArgumentException(
              "optimizer state '" + key + "' must be one whole number >= 0");
        }
        newSteps.put(param, new long[] {(long) count});
      } else {
        newBuffers
            .computeIfAbsent(name, n -> new LinkedHashMap<>())
            .put(param, e.getValue().toFloats());
      }
    }
    buffers.clear();
    buffers.putAll(newBuffers);
    steps.clear();
    steps.putAll(newSteps);
  }

  /** Names of the parameters that have any state. */
  public Set<String> parameters() {
    Set<String> names = new HashSet<>(steps.keySet());
    buffers.values().forEach(b -> names.addAll(b.keySet()));
    return names;
  }

  private String key(String name, String param) {
    return optimizer + "." + name + "/" + param;
  }

  /** Refuses float64 parameters: update loops are float32, like training. */
  public static void requireFloat32(String optimizer, Parameter p) {
    if (p.value().isDouble() || p.gradient().isDouble()) {
      throw new IllegalArgumentException(
          optimizer
              + " updates float32 parameters only, but "
              + p.name()
              + " holds float64 values");
    }
  }

  /** A learning rate a schedule may set: finite and not negative (0 pauses training). */
  public static double requireLearningRate(double learningRate) {
    if (!(learningRate >= 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException(
          "learning rate must be finite and >= 0, found " + learningRate);
    }
    return learningRate;
  }
}
