package io.dendrite.runner.yaml;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * One change a fuzzer makes to a valid experiment file: a flipped bit, a YAML token inserted, a
 * cut, a line deleted, repeated or taken from another file.
 *
 * <p>Positions are taken modulo the input's length, so any mutation applies to any input and
 * shrinks towards the start of the file.
 */
record YamlMutation(Kind kind, int at, int value) {
  enum Kind {
    FLIP_BIT,
    INSERT_TOKEN,
    TRUNCATE,
    DELETE_BYTES,
    DELETE_LINE,
    REPEAT_LINE,
    SPLICE_LINE
  }

  /** Pieces of YAML syntax, of hostile YAML, and values at the edges of what fields accept. */
  static final List<String> TOKENS =
      List.of(
          ": ",
          "- ",
          "&a ",
          "*a",
          "<<: *a\n",
          "!!str ",
          "!!int ",
          "!!float ",
          "!!map ",
          "!!python/object:os.system ",
          "!foo ",
          "!<tag:yaml.org,2002:str> ",
          "{",
          "}",
          "[",
          "]",
          ",",
          "\n",
          "\n  ",
          "  ",
          "\t",
          "#",
          "|\n  ",
          ">-\n  ",
          "? ",
          "'",
          "\"",
          "\\",
          "\0",
          "\uFEFF",
          "\u2028",
          "%YAML 1.1\n",
          "%TAG ! tag:x,2000:\n",
          "---\n",
          "...\n",
          "~",
          "null",
          "yes",
          "no",
          "0",
          "-1",
          "-0",
          "1e999",
          "-1e999",
          ".nan",
          ".inf",
          "0x1F",
          "0o17",
          "1_000",
          "9223372036854775808",
          "2147483648",
          "0.0000001",
          "x".repeat(200),
          "é",
          "\uD83D\uDE00");

  static Arbitrary<YamlMutation> any() {
    return Combinators.combine(
            Arbitraries.of(Kind.class),
            Arbitraries.integers().between(0, Integer.MAX_VALUE),
            Arbitraries.integers().between(0, Integer.MAX_VALUE))
        .as(YamlMutation::new);
  }

  /** {@code bytes} changed; {@code others} are the files a spliced line comes from. */
  byte[] apply(byte[] bytes, List<byte[]> others) {
    int n = bytes.length;
    int p = n == 0 ? 0 : at % n;
    return switch (kind) {
      case FLIP_BIT -> {
        byte[] b = bytes.clone();
        if (n > 0) {
          b[p] ^= (byte) (1 << (value % 8));
        }
        yield b;
      }
      case INSERT_TOKEN ->
          insert(bytes, p, TOKENS.get(value % TOKENS.size()).getBytes(StandardCharsets.UTF_8));
      case TRUNCATE -> Arrays.copyOf(bytes, p);
      case DELETE_BYTES -> {
        int count = Math.min(n - p, 1 + value % 16);
        byte[] b = new byte[n - count];
        System.arraycopy(bytes, 0, b, 0, p);
        System.arraycopy(bytes, p + count, b, p, n - p - count);
        yield b;
      }
      case DELETE_LINE -> join(withLines(bytes, lines -> lines.remove(at % lines.size())));
      case REPEAT_LINE ->
          join(
              withLines(
                  bytes, lines -> lines.add(at % lines.size(), lines.get(at % lines.size()))));
      case SPLICE_LINE -> {
        List<byte[]> from = lines(others.get(value % others.size()));
        byte[] line = from.get((value / others.size()) % from.size());
        yield join(withLines(bytes, lines -> lines.add(at % lines.size(), line)));
      }
    };
  }

  private static byte[] insert(byte[] bytes, int p, byte[] token) {
    byte[] b = new byte[bytes.length + token.length];
    System.arraycopy(bytes, 0, b, 0, p);
    System.arraycopy(token, 0, b, p, token.length);
    System.arraycopy(bytes, p, b, p + token.length, bytes.length - p);
    return b;
  }

  private static List<byte[]> withLines(byte[] bytes, java.util.function.Consumer<List<byte[]>> f) {
    List<byte[]> lines = lines(bytes);
    f.accept(lines);
    return lines;
  }

  /** The lines of {@code bytes}, each with its line break; at least one, maybe empty. */
  private static List<byte[]> lines(byte[] bytes) {
    List<byte[]> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        lines.add(Arrays.copyOfRange(bytes, start, i + 1));
        start = i + 1;
      }
    }
    if (start < bytes.length || lines.isEmpty()) {
      lines.add(Arrays.copyOfRange(bytes, start, bytes.length));
    }
    return lines;
  }

  private static byte[] join(List<byte[]> lines) {
    int size = lines.stream().mapToInt(l -> l.length).sum();
    byte[] b = new byte[size];
    int p = 0;
    for (byte[] l : lines) {
      System.arraycopy(l, 0, b, p, l.length);
      p += l.length;
    }
    return b;
  }
}
