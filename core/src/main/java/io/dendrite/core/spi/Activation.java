package io.dendrite.core.spi;

import io.dendrite.core.tensor.Matrix;

/**
 * An activation function applied to a layer's output, with its derivative.
 *
 * <p>Both methods work on whole mini-batches and write into matrices they are given, so a training
 * step allocates nothing. They must work in float32 and float64 alike (see {@link Matrix}); {@link
 * io.dendrite.core.spi.support.ElementwiseActivation} and {@link
 * io.dendrite.core.spi.support.RowwiseActivation} do that for you from a definition in doubles.
 */
public interface Activation {
  /** Writes {@code a = f(z)}; {@code a} has the shape of {@code z} and is not {@code z}. */
  void forward(Matrix z, Matrix a);

  /**
   * Writes {@code gradZ = dLoss/dz} from {@code gradA = dLoss/da}, given {@code z} and {@code a =
   * f(z)} from the forward pass. {@code gradZ} may be the same matrix as {@code gradA}.
   */
  void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ);
}
