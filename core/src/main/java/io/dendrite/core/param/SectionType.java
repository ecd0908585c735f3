package io.dendrite.core.param;

import java.util.List;
import java.util.Map;

/**
 * A nested mapping with declared keys of its own, such as the {@code training} section of an
 * experiment. Its values are {@link Params}, checked like a plugin's parameters.
 */
public record SectionType(List<Param<?>> params) implements ValueType<Params> {
  public SectionType {
    params = List.copyOf(params);
  }

  @Override
  public Params convert(Object raw) {
    if (raw instanceof Params p && p.declared().equals(params)) {
      return p;
    }
    if (!(raw instanceof Map<?, ?> map)) {
      throw Values.mismatch(this, raw);
    }
    @SuppressWarnings("unchecked")
    Map<String, ?> given = (Map<String, ?>) map;
    return Params.resolve(params, given);
  }

  @Override
  public Object toPlain(Params value) {
    return value.toMap();
  }

  @Override
  public String expectation() {
    return "a mapping with: " + String.join(", ", params.stream().map(Param::name).toList());
  }

  @Override
  public String label() {
    return "section";
  }
}
