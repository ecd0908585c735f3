package io.dendrite.core.param;

/** A numeric value type whose values may be bounded ({@link Param#atLeast} and the like). */
public interface BoundedType<T extends Number> extends ValueType<T> {
  /** The bounds values must be in. */
  Range range();

  /** The same type with other bounds. */
  BoundedType<T> withRange(Range range);
}
