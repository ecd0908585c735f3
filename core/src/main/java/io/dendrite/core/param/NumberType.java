package io.dendrite.core.param;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Finite real numbers; integers are accepted and widened, NaN and infinities refused. */
public record NumberType(Range range) implements BoundedType<Double> {
  @Override
  public Double convert(Object raw) {
    if (!(raw instanceof Number n) || raw instanceof BigDecimal || raw instanceof BigInteger) {
      throw Values.mismatch(this, raw);
    }
    double v = n.doubleValue();
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException(
          "expected a finite number, found " + (Double.isNaN(v) ? ".nan" : raw));
    }
    Values.checkRange(range, v);
    return v;
  }

  @Override
  public Object toPlain(Double value) {
    return value;
  }

  @Override
  public String expectation() {
    return Values.withRange("a number", range);
  }

  @Override
  public String label() {
    return "number";
  }

  @Override
  public NumberType withRange(Range range) {
    return new NumberType(range);
  }
}
