package io.dendrite.core.tensor;

import java.util.Objects;

/**
 * A named tensor of a layer that training changes but gradient descent does not, such as batch
 * norm's running mean: saved with the model and restored with it, like PyTorch's buffers.
 *
 * @param name stable name, e.g. {@code layers.1.running_mean}, used in model files
 */
public record Buffer(String name, Matrix value) {
  public Buffer {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }
}
