package io.dendrite.core.param;

/** {@code true} or {@code false}. */
public record BooleanType() implements ValueType<Boolean> {
  @Override
  public Boolean convert(Object raw) {
    if (!(raw instanceof Boolean b)) {
      throw Values.mismatch(this, raw);
    }
    return b;
  }

  @Override
  public Object toPlain(Boolean value) {
    return value;
  }

  @Override
  public String expectation() {
    return "true or false";
  }

  @Override
  public String label() {
    return "boolean";
  }
}
