package io.dendrite.core.param;

/** Whole numbers that fit 64 bits, such as seeds. */
public record LongType(Range range) implements BoundedType<Long> {
  @Override
  public Long convert(Object raw) {
    long v = Values.wholeNumber(this, raw, Long.MIN_VALUE, Long.MAX_VALUE);
    Values.checkRange(range, v);
    return v;
  }

  @Override
  public Object toPlain(Long value) {
    return value;
  }

  @Override
  public String expectation() {
    return Values.withRange("a 64-bit integer", range);
  }

  @Override
  public String label() {
    return "integer";
  }

  @Override
  public LongType withRange(Range range) {
    return new LongType(range);
  }
}
