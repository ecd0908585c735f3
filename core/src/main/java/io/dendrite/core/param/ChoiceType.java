package io.dendrite.core.param;

import io.dendrite.core.Suggestions;
import java.util.List;

/** One string out of a declared list. */
public record ChoiceType(List<String> choices) implements ValueType<String> {
  public ChoiceType {
    choices = List.copyOf(choices);
    if (choices.isEmpty()) {
      throw new IllegalArgumentException("a choice needs at least one value");
    }
  }

  @Override
  public String convert(Object raw) {
    if (!(raw instanceof String s)) {
      throw Values.mismatch(this, raw);
    }
    if (!choices.contains(s)) {
      StringBuilder m =
          new StringBuilder("'")
              .append(s)
              .append("' is not one of ")
              .append(String.join(", ", choices));
      Suggestions.closest(s, choices)
          .ifPresent(g -> m.append(" (did you mean '").append(g).append("'?)"));
      throw new IllegalArgumentException(m.toString());
    }
    return s;
  }

  @Override
  public Object toPlain(String value) {
    return value;
  }

  @Override
  public String expectation() {
    return "one of " + String.join(", ", choices);
  }

  @Override
  public String label() {
    return "choice";
  }
}
