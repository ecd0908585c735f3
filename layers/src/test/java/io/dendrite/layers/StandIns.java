package io.dendrite.layers;

import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.ComponentSpec;
import io.dendrite.core.spi.Initializer;
import io.dendrite.core.spi.Layer;
import io.dendrite.core.spi.LayerContext;
import io.dendrite.core.spi.PluginKind;
import io.dendrite.core.tensor.Kernels;
import io.dendrite.core.tensor.Matrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Stand-ins for the initializers module, which this one does not depend on (plugin modules never
 * depend on each other), with the draws the real ones make; and a context to build layers with.
 */
final class StandIns {
  private StandIns() {}

  private static final Map<String, Supplier<Initializer>> INITIALIZERS =
      Map.of(
          "xavier_uniform",
          () ->
              (w, fanIn, fanOut, rng) -> {
                double bound = Math.sqrt(6.0 / (fanIn + fanOut));
                for (int i = 0; i < w.size(); i++) {
                  w.set(i, (2 * rng.nextDouble() - 1) * bound);
                }
              },
          "he_normal",
          () ->
              (w, fanIn, fanOut, rng) -> {
                double std = Math.sqrt(2.0 / fanIn);
                for (int i = 0; i < w.size(); i++) {
                  w.set(i, rng.nextGaussian() * std);
                }
              },
          "zeros",
          () -> (w, fanIn, fanOut, rng) -> w.fill(0),
          "ones",
          () -> (w, fanIn, fanOut, rng) -> w.fill(1));

  /** A stand-in for the initializer {@code spec} names; only initializers are known. */
  static <T> T create(ComponentSpec spec, Class<T> type) {
    Supplier<Initializer> s = INITIALIZERS.get(spec.id());
    if (spec.kind() != PluginKind.INITIALIZER || s == null) {
      throw new IllegalArgumentException("no stand-in for " + spec.kind().id() + " " + spec.id());
    }
    return type.cast(s.get());
  }

  /** A context for one layer: its specs asked for are recorded in {@link #created}. */
  static final class Context implements LayerContext {
    final List<String> created = new ArrayList<>();
    private final int maxBatchRows;
    private final boolean doubles;
    private final Rng rng;
    private final Kernels kernels;

    Context(int maxBatchRows, boolean doubles, long seed, Kernels kernels) {
      this.maxBatchRows = maxBatchRows;
      this.doubles = doubles;
      this.rng = new Rng(seed);
      this.kernels = kernels;
    }

    Context(int maxBatchRows, boolean doubles, long seed) {
      this(maxBatchRows, doubles, seed, Kernels.singleThreaded());
    }

    @Override
    public String name() {
      return "layers.0";
    }

    @Override
    public int maxBatchRows() {
      return maxBatchRows;
    }

    @Override
    public Matrix matrix(int rows, int cols) {
      return doubles ? Matrix.doubles(rows, cols) : Matrix.floats(rows, cols);
    }

    @Override
    public Kernels kernels() {
      return kernels;
    }

    @Override
    public Rng rng() {
      return rng;
    }

    @Override
    public <T> T create(ComponentSpec spec, Class<T> type) {
      created.add(spec.id());
      return StandIns.create(spec, type);
    }
  }

  /** {@code layer} built for {@code inputs} features in {@code context}. */
  static Layer built(Layer layer, int inputs, Context context) {
    layer.build(inputs, context);
    return layer;
  }
}
