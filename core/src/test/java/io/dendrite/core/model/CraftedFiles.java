package io.dendrite.core.model;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Hand-made safetensors files, right or wrong, for the tests of the reader. */
final class CraftedFiles {
  private CraftedFiles() {}

  /** A file of the header length {@code headerLength}, then {@code header}, then {@code data}. */
  static Path write(Path file, long headerLength, byte[] header, byte[] data) throws IOException {
    ByteBuffer bytes =
        ByteBuffer.allocate(Long.BYTES + header.length + data.length)
            .order(ByteOrder.LITTLE_ENDIAN);
    bytes.putLong(headerLength).put(header).put(data);
    return Files.write(file, bytes.array());
  }

  /** A file with the JSON header {@code json} (its true length) and {@code dataBytes} zeros. */
  static Path withHeader(Path file, String json, int dataBytes) throws IOException {
    byte[] header = json.getBytes(StandardCharsets.UTF_8);
    return write(file, header.length, header, new byte[dataBytes]);
  }

  /** The header length a file gives in its first 8 bytes. */
  static long headerLength(byte[] file) {
    return ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
  }

  /** The JSON header of a file, padding included. */
  static String header(byte[] file) {
    return new String(file, Long.BYTES, (int) headerLength(file), StandardCharsets.UTF_8);
  }

  /** Bytes the current thread allocates while {@code action} runs, whatever it throws. */
  static long allocatedBy(Runnable action) {
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(id);
    try {
      action.run();
    } catch (RuntimeException expected) {
      // The caller checks what was thrown separately; here only the allocation counts.
    }
    return threads.getThreadAllocatedBytes(id) - before;
  }
}
