package io.dendrite.core.tensor;

import java.util.Objects;

/**
 * A trainable tensor and the gradient of the loss with respect to it.
 *
 * @param name stable name, e.g. {@code layers.0.weight}; optimizers key their state by it and model
 *     files name their tensors by it
 * @param value the current values
 * @param gradient same shape as {@code value}, written by the layer's backward pass
 */
public record Parameter(String name, Matrix value, Matrix gradient) {
  public Parameter {
    Objects.requireNonNull(name, "name");
    value.requireSameShape(gradient);
  }

  /** A parameter with zero values and gradient of the given shape and precision. */
  public static Parameter zeros(String name, Matrix like, int rows, int cols) {
    return new Parameter(name, like.like(rows, cols), like.like(rows, cols));
  }
}
