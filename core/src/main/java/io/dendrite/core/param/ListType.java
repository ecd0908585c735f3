package io.dendrite.core.param;

import java.util.ArrayList;
import java.util.List;

/**
 * A list of values of one type.
 *
 * @param minSize the fewest items accepted
 */
public record ListType<E>(ValueType<E> element, int minSize) implements ValueType<List<E>> {
  @Override
  public List<E> convert(Object raw) {
    if (!(raw instanceof List<?> items)) {
      throw Values.mismatch(this, raw);
    }
    if (items.size() < minSize) {
      throw new IllegalArgumentException(tooShort(items.size()));
    }
    List<E> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      try {
        out.add(element.convert(items.get(i)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("item " + i + ": " + e.getMessage(), e);
      }
    }
    return List.copyOf(out);
  }

  /** The message for a list of {@code size} items, fewer than {@link #minSize}. */
  public String tooShort(int size) {
    return "expected at least "
        + minSize
        + " "
        + (minSize == 1 ? element.label() : element.plural())
        + ", found "
        + (size == 0 ? "none" : size);
  }

  @Override
  public Object toPlain(List<E> value) {
    List<Object> out = new ArrayList<>(value.size());
    value.forEach(v -> out.add(element.toPlain(v)));
    return out;
  }

  @Override
  public String expectation() {
    return "a list of " + element.plural() + (minSize > 0 ? " (at least " + minSize + ")" : "");
  }

  @Override
  public String label() {
    return "list of " + element.label();
  }
}
