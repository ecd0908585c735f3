package io.dendrite.core.param;

/** Whole numbers that fit 32 bits; a fractional value or text is refused. */
public record IntegerType(Range range) implements BoundedType<Integer> {
  @Override
  public Integer convert(Object raw) {
    long v = Values.wholeNumber(this, raw, Integer.MIN_VALUE, Integer.MAX_VALUE);
    Values.checkRange(range, v);
    return (int) v;
  }

  @Override
  public Object toPlain(Integer value) {
    return value;
  }

  @Override
  public String expectation() {
    return Values.withRange("an integer", range);
  }

  @Override
  public String label() {
    return "integer";
  }

  @Override
  public IntegerType withRange(Range range) {
    return new IntegerType(range);
  }
}
