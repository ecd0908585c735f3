package io.dendrite.datasets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/** Builds IDX files, good and bad, for tests. */
final class IdxFiles {
  static final int IMAGES_MAGIC = 2051;
  static final int LABELS_MAGIC = 2049;

  private IdxFiles() {}

  /** A header: the magic number, then one big-endian 32-bit size per dimension. */
  static byte[] header(int magic, int... dims) {
    ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length).putInt(magic);
    for (int d : dims) {
      b.putInt(d);
    }
    return b.array();
  }

  /** {@code count} images with a recognizable pattern: pixel p of image i is (31 i + p) mod 256. */
  static byte[] images(int count, int rows, int cols) {
    byte[] pixels = new byte[count * rows * cols];
    for (int i = 0; i < count; i++) {
      for (int p = 0; p < rows * cols; p++) {
        pixels[i * rows * cols + p] = (byte) (31 * i + p);
      }
    }
    return concat(header(IMAGES_MAGIC, count, rows, cols), pixels);
  }

  static byte[] labels(int... labels) {
    byte[] values = new byte[labels.length];
    for (int i = 0; i < labels.length; i++) {
      values[i] = (byte) labels[i];
    }
    return concat(header(LABELS_MAGIC, labels.length), values);
  }

  /** Labels 0, 1, …, 9, 0, 1, … */
  static byte[] cyclicLabels(int count) {
    int[] labels = new int[count];
    for (int i = 0; i < count; i++) {
      labels[i] = i % 10;
    }
    return labels(labels);
  }

  static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  static byte[] cut(byte[] data, int length) {
    return Arrays.copyOf(data, length);
  }

  static Path write(Path dir, String name, byte[] bytes) {
    try {
      return Files.write(dir.resolve(name), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
