package io.dendrite.core.spi;

import io.dendrite.core.nn.Parameter;
import io.dendrite.core.param.ComponentSpec;
import io.dendrite.core.tensor.Matrix;
import java.util.List;

/**
 * One layer of a sequential network: forward, backward and its trainable parameters.
 *
 * <p>Lifecycle: {@link #initialize} once, then any number of forward/backward pairs. The matrices a
 * layer returns are its own buffers, valid until its next call; it sizes them from {@link
 * LayerContext#maxBatchRows()} and {@link Matrix#setRows(int)}s them to each batch, so a training
 * step allocates nothing.
 */
public interface Layer {
  /** Creates parameters and buffers for inputs {@code inputSize} wide. */
  void initialize(int inputSize, LayerContext context);

  /** Width of the output, known after {@link #initialize}. */
  int outputSize();

  /** Trainable parameters, each with a gradient buffer filled by {@link #backward}. */
  List<Parameter> parameters();

  /** Output for {@code input} (rows are examples); {@code training} turns on e.g. dropout. */
  Matrix forward(Matrix input, boolean training);

  /**
   * Given {@code dLoss/dOutput} for the last forward call, sets every parameter's gradient and
   * returns {@code dLoss/dInput}.
   */
  Matrix backward(Matrix gradOutput);

  /**
   * The activation the network applies to this layer's output, or null. Keeping the activation
   * outside the layer lets a loss fuse with the final one ({@link Loss#fusedWith}).
   */
  default ComponentSpec activation() {
    return null;
  }
}
