package io.dendrite.core.spi;

/**
 * The shape of a dataset's examples as its parameters alone tell it, before anything is read.
 *
 * @param features how many features each example has, before preprocessing
 * @param classes how many classes its targets are one-hot over
 */
public record DataShape(int features, int classes) {
  public DataShape {
    if (features < 1 || classes < 1) {
      // Not `this`: a compact constructor assigns the fields after its body, so they read 0 here.
      throw new IllegalArgumentException(
          "a shape needs features and classes: features=" + features + ", classes=" + classes);
    }
  }
}
