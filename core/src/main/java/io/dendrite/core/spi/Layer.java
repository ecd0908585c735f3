package io.dendrite.core.spi;

import io.dendrite.core.random.Rng;
import io.dendrite.core.tensor.Buffer;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.core.tensor.Parameter;
import java.util.List;

/**
 * One layer of a sequential network: forward, backward, its trainable parameters and its other
 * saved state.
 *
 * <p>Lifecycle: {@link #build} once, which allocates everything; then {@link #initialize} for a new
 * network, or values loaded from a model file into {@link #parameters()} and {@link #buffers()};
 * then any number of forward/backward pairs. The matrices a layer returns are its own buffers,
 * valid until its next call; it sizes them from {@link LayerContext#maxBatchRows()} and {@link
 * Matrix#setRows(int)}s them to each batch, so a training step allocates nothing.
 */
public interface Layer {
  /** Allocates parameters, buffers and batch buffers for inputs {@code inputSize} wide. */
  void build(int inputSize, LayerContext context);

  /** Gives the parameters their starting values, drawing only from {@code rng}. */
  void initialize(Rng rng);

  /** Width of the output, known after {@link #build}. */
  int outputSize();

  /** Trainable parameters, each with a gradient buffer filled by {@link #backward}. */
  List<Parameter> parameters();

  /**
   * State that is saved with the model but not trained by gradients (batch norm's running
   * statistics), named like the parameters ({@code layers.1.running_mean}); none by default.
   */
  default List<Buffer> buffers() {
    return List.of();
  }

  /** Output for {@code input} (rows are examples); {@code training} turns on e.g. dropout. */
  Matrix forward(Matrix input, boolean training);

  /**
   * Given {@code dLoss/dOutput} for the last forward call, sets every parameter's gradient and
   * returns {@code dLoss/dInput}.
   */
  Matrix backward(Matrix gradOutput);

  /**
   * Like {@link #backward} where nothing needs {@code dLoss/dInput} (the network's first layer):
   * sets every parameter's gradient, and may skip computing the input's. By default it calls {@link
   * #backward}.
   */
  default void backwardToParameters(Matrix gradOutput) {
    backward(gradOutput);
  }

  /**
   * The activation the network applies to this layer's output, or null. Keeping the activation
   * outside the layer lets a loss fuse with the final one ({@link Loss#fusedWith}).
   */
  default ComponentSpec activation() {
    return null;
  }
}
