package io.dendrite.core.param;

import java.util.regex.Pattern;

/**
 * Text, optionally limited in length and to a pattern.
 *
 * @param pattern a regular expression the whole text must match, or null for any text (kept as text
 *     so that two equal declarations are equal)
 * @param patternDoc what matches, in words, for messages: {@code a name of letters and digits}
 * @param maxLength the longest text accepted
 */
public record TextType(String pattern, String patternDoc, int maxLength)
    implements ValueType<String> {
  /** Any text up to a megabyte: configuration is never larger. */
  public static final TextType ANY = new TextType(null, "", 1 << 20);

  @Override
  public String convert(Object raw) {
    if (!(raw instanceof String s)) {
      throw Values.mismatch(this, raw);
    }
    if (s.length() > maxLength) {
      // The limit first: after a long description of the pattern it went unread.
      throw new IllegalArgumentException(
          "too long: at most "
              + maxLength
              + " characters, found "
              + s.length()
              + " (expected "
              + expectation()
              + ")");
    }
    if (pattern != null && !Pattern.matches(pattern, s)) {
      throw new IllegalArgumentException(
          "expected " + expectation() + ", found " + Values.describe(s));
    }
    return s;
  }

  @Override
  public Object toPlain(String value) {
    return value;
  }

  @Override
  public String expectation() {
    return pattern == null ? "text" : patternDoc;
  }

  @Override
  public String label() {
    return "string";
  }
}
