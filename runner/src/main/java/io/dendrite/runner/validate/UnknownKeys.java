package io.dendrite.runner.validate;

import io.dendrite.core.Suggestions;
import java.util.Collection;

/** The message for a key nobody declared: a guess at what was meant, and what exists. */
final class UnknownKeys {
  private UnknownKeys() {}

  /**
   * {@code unknown key 'tarin' in data (did you mean 'train'?); known: train, test}.
   *
   * @param what {@code key} or {@code parameter}
   * @param where {@code in data}, {@code of layer 'dense'}, or empty
   */
  static String message(String what, String key, String where, Collection<String> known) {
    StringBuilder s =
        new StringBuilder("unknown ").append(what).append(" '").append(key).append('\'');
    if (!where.isEmpty()) {
      s.append(' ').append(where);
    }
    Suggestions.closest(key, known)
        .ifPresent(g -> s.append(" (did you mean '").append(g).append("'?)"));
    if (known.isEmpty()) {
      s.append("; it takes no ").append(what).append('s');
    } else {
      s.append("; known: ").append(String.join(", ", known));
    }
    return s.toString();
  }
}
