package io.dendrite.core.model;

import io.dendrite.core.DendriteException;
import io.dendrite.core.tensor.Matrix;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a safetensors file that may be damaged or crafted: it allocates nothing the file does not
 * hold, and reads no byte before the header has been checked.
 */
final class SafetensorsReader {
  /** Bytes read at a time: a multiple of every element size, so no value straddles two reads. */
  private static final int CHUNK_BYTES = 1 << 16;

  private SafetensorsReader() {}

  static SafetensorsFile read(Path path) {
    Path file = path.toAbsolutePath().normalize();
    if (Files.isDirectory(file)) {
      throw ModelFileRefusal.of(file, "is a folder", "give the path of a .safetensors model file");
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      return read(file, channel);
    } catch (NoSuchFileException e) {
      throw DendriteException.data(file + ": no such model file; check the path", e);
    } catch (AccessDeniedException e) {
      throw DendriteException.data(
          file + ": cannot read the model file: permission denied; check its permissions", e);
    } catch (IOException e) {
      throw DendriteException.data(file + ": cannot read the model file (" + e + ")", e);
    }
  }

  private static SafetensorsFile read(Path file, FileChannel channel) throws IOException {
    long size = channel.size();
    if (size == 0) {
      throw ModelFileRefusal.of(file, "is empty (0 bytes)");
    }
    if (size < Long.BYTES) {
      throw ModelFileRefusal.of(
          file, "is " + size + " bytes long, too short for the 8-byte length of a header");
    }
    ByteBuffer start = readFully(file, channel, 0, Long.BYTES);
    long headerBytes = start.order(ByteOrder.LITTLE_ENDIAN).getLong(0);
    // An unsigned length: negative here means 2^63 or more.
    if (headerBytes < 0 || headerBytes > SafetensorsHeader.MAX_BYTES) {
      throw ModelFileRefusal.of(
          file,
          "the header length at byte 0 says "
              + Long.toUnsignedString(headerBytes)
              + " bytes, more than the "
              + SafetensorsHeader.MAX_BYTES
              + " bytes a header may have"
              + hint(start));
    }
    if (headerBytes > size - Long.BYTES) {
      throw ModelFileRefusal.of(
          file,
          "the header length at byte 0 says "
              + headerBytes
              + " bytes, but only "
              + (size - Long.BYTES)
              + " bytes follow it (is the file truncated?)"
              + hint(start));
    }
    byte[] json = readFully(file, channel, Long.BYTES, (int) headerBytes).array();
    long dataStart = Long.BYTES + headerBytes;
    SafetensorsHeader header = SafetensorsHeader.parse(file, json, size - dataStart);
    Map<String, String> metadata = new LinkedHashMap<>(header.metadata());
    checkFormat(file, metadata.remove(SafetensorsFile.FORMAT_KEY));
    byte[] expected = checksum(file, metadata.remove(SafetensorsFile.SHA256_KEY));

    MessageDigest digest = Checksums.sha256();
    ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    Map<String, Matrix> tensors = new LinkedHashMap<>();
    for (TensorEntry entry : header.tensors()) {
      tensors.put(entry.name(), values(file, channel, dataStart, entry, chunk, digest));
    }
    if (expected != null && !MessageDigest.isEqual(expected, digest.digest())) {
      throw ModelFileRefusal.of(
          file,
          "the data (bytes "
              + dataStart
              + " to "
              + size
              + ") does not match the checksum "
              + SafetensorsFile.SHA256_KEY
              + " in the header");
    }
    return new SafetensorsFile(tensors, metadata, expected != null);
  }

  private static String hint(ByteBuffer start) {
    String hint = FileSignature.describe(start.array());
    return hint.isEmpty() ? "" : "; " + hint;
  }

  private static void checkFormat(Path file, String format) {
    if (format != null && !format.equals(SafetensorsFile.FORMAT)) {
      throw ModelFileRefusal.of(
          file,
          "it is in Dendrite model format "
              + ModelFileRefusal.quote(format)
              + " ("
              + SafetensorsFile.FORMAT_KEY
              + "); this version reads format "
              + SafetensorsFile.FORMAT,
          "read it with the Dendrite version that wrote it, or a newer one");
    }
  }

  /** The expected SHA-256 of the data, or null when the file has none (another tool wrote it). */
  private static byte[] checksum(Path file, String hex) {
    if (hex == null) {
      return null;
    }
    if (!hex.matches("[0-9a-f]{64}")) {
      throw ModelFileRefusal.of(
          file,
          "the checksum "
              + SafetensorsFile.SHA256_KEY
              + " is "
              + ModelFileRefusal.quote(hex)
              + ", not 64 lowercase hexadecimal digits");
    }
    return HexFormat.of().parseHex(hex);
  }

  private static Matrix values(
      Path file,
      FileChannel channel,
      long dataStart,
      TensorEntry entry,
      ByteBuffer chunk,
      MessageDigest digest)
      throws IOException {
    // The header check bounds this allocation by the bytes the file really holds.
    Matrix matrix =
        entry.dtype() == Dtype.F64
            ? Matrix.doubles(entry.rows(), entry.cols())
            : Matrix.floats(entry.rows(), entry.cols());
    int elementBytes = entry.dtype().bytes();
    long position = dataStart + entry.begin();
    int done = 0;
    int elements = entry.elements();
    while (done < elements) {
      int count = Math.min(CHUNK_BYTES / elementBytes, elements - done);
      chunk.clear().limit(count * elementBytes);
      readInto(file, channel, position, chunk);
      digest.update(chunk.array(), 0, chunk.limit());
      chunk.flip();
      if (entry.dtype() == Dtype.F64) {
        chunk.asDoubleBuffer().get(matrix.doubles(), done, count);
      } else {
        chunk.asFloatBuffer().get(matrix.floats(), done, count);
      }
      position += chunk.limit();
      done += count;
    }
    return matrix;
  }

  private static ByteBuffer readFully(Path file, FileChannel channel, long position, int bytes)
      throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(bytes);
    readInto(file, channel, position, buffer);
    return buffer;
  }

  /** Fills {@code buffer} from {@code position}, refusing a file that ends first. */
  private static void readInto(Path file, FileChannel channel, long position, ByteBuffer buffer)
      throws IOException {
    long at = position;
    while (buffer.hasRemaining()) {
      int read = channel.read(buffer, at);
      if (read < 0) {
        throw ModelFileRefusal.of(
            file,
            "the file ends at byte "
                + at
                + ", sooner than its header says (did it change while being read?)");
      }
      at += read;
    }
  }
}
