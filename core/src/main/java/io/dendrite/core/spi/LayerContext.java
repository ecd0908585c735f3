package io.dendrite.core.spi;

import io.dendrite.core.random.Rng;
import io.dendrite.core.tensor.Kernels;
import io.dendrite.core.tensor.Matrix;

/** What the network gives a layer when it builds it. */
public interface LayerContext {
  /** The layer's name, used as the prefix of its tensor names ({@code layers.0}). */
  String name();

  /** The most rows a mini-batch will have: size buffers for this. */
  int maxBatchRows();

  /** A zero-filled matrix in the network's precision. */
  Matrix matrix(int rows, int cols);

  /** The run's numeric kernels, on its own threads. */
  Kernels kernels();

  /**
   * The layer's own random stream for randomness during training (dropout masks), seeded from the
   * experiment: the same seed gives the same stream whatever the thread count.
   */
  Rng rng();

  /** A new instance of the plugin {@code spec} names (e.g. the layer's initializer). */
  <T> T create(ComponentSpec spec, Class<T> type);
}
