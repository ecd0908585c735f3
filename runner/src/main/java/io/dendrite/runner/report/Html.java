package io.dendrite.runner.report;

import java.util.Base64;

/** Text and images made safe to place in the report's markup. */
final class Html {
  private Html() {}

  /** {@code text} escaped for element content and quoted attribute values. */
  static String escape(String text) {
    StringBuilder s = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> s.append("&amp;");
        case '<' -> s.append("&lt;");
        case '>' -> s.append("&gt;");
        case '"' -> s.append("&quot;");
        case '\'' -> s.append("&#39;");
        default -> {
          // Control characters other than tab and newlines are not allowed in markup at all.
          if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            s.append('\uFFFD');
          } else {
            s.append(c);
          }
        }
      }
    }
    return s.toString();
  }

  /** A PNG as a {@code data:} URI, so that the page needs no other file. */
  static String pngDataUri(byte[] png) {
    return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
  }
}
