package io.dendrite.core.model;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * One change a fuzzer makes to a valid file: a flipped bit, a cut, a splice with another file.
 *
 * <p>Positions are taken modulo the input's length, so any mutation applies to any input and
 * shrinks towards the start of the file.
 */
record ByteMutation(Kind kind, int at, int value) {
  enum Kind {
    FLIP_BIT,
    SET_BYTE,
    TRUNCATE,
    INSERT_BYTES,
    DELETE_BYTES,
    SPLICE
  }

  /** Mutations of every kind, at any position. */
  static Arbitrary<ByteMutation> any() {
    return Combinators.combine(
            Arbitraries.of(Kind.class),
            Arbitraries.integers().between(0, Integer.MAX_VALUE),
            Arbitraries.integers().between(0, Integer.MAX_VALUE))
        .as(ByteMutation::new);
  }

  /** {@code bytes} changed; {@code others} are the files a splice takes its tail from. */
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
      case SET_BYTE -> {
        byte[] b = bytes.clone();
        if (n > 0) {
          b[p] = (byte) INTERESTING[value % INTERESTING.length];
        }
        yield b;
      }
      case TRUNCATE -> Arrays.copyOf(bytes, p);
      case INSERT_BYTES -> {
        int count = 1 + value % 16;
        byte[] b = new byte[n + count];
        System.arraycopy(bytes, 0, b, 0, p);
        Arrays.fill(b, p, p + count, (byte) INTERESTING[value % INTERESTING.length]);
        System.arraycopy(bytes, p, b, p + count, n - p);
        yield b;
      }
      case DELETE_BYTES -> {
        int count = Math.min(n - p, 1 + value % 16);
        byte[] b = new byte[n - count];
        System.arraycopy(bytes, 0, b, 0, p);
        System.arraycopy(bytes, p + count, b, p, n - p - count);
        yield b;
      }
      case SPLICE -> {
        byte[] other = others.get(value % others.size());
        int from = other.length == 0 ? 0 : (value / others.size()) % other.length;
        byte[] b = Arrays.copyOf(bytes, p + other.length - from);
        System.arraycopy(other, from, b, p, other.length - from);
        yield b;
      }
    };
  }

  /** Bytes that sit at the edges of ranges: zero, signs, all ones, JSON's punctuation. */
  private static final int[] INTERESTING = {
    0, 1, 0x7f, 0x80, 0xff, '"', '{', '}', '[', ']', ',', ':', '-', '9', 'e', '\\', '\n'
  };
}
