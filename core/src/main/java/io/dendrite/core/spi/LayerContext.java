package io.dendrite.core.spi;

import io.dendrite.core.param.ComponentSpec;
import io.dendrite.core.random.Rng;
import io.dendrite.core.tensor.Matrix;

/** What the network gives a layer when it initializes it. */
public interface LayerContext {
  /** The layer's name, used as the prefix of its parameter names ({@code layers.0}). */
  String name();

  /** The most rows a mini-batch will have: size buffers for this. */
  int maxBatchRows();

  /** A zero-filled matrix in the network's precision. */
  Matrix matrix(int rows, int cols);

  /** The generator for this layer's initialization and any randomness during training. */
  Rng rng();

  /** A new instance of the plugin {@code spec} names (e.g. the layer's initializer). */
  <T> T create(ComponentSpec spec, Class<T> type);
}
