package io.dendrite.core.model;

import io.dendrite.core.DendriteException;
import io.dendrite.core.tensor.Matrix;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Writes matrices and metadata to a safetensors file, atomically. */
final class SafetensorsWriter {
  /** Bytes encoded at a time: a multiple of every element size, so no value straddles two. */
  private static final int CHUNK_BYTES = 1 << 16;

  /** Stands for the checksum while the data is written; a SHA-256 in hex has this length. */
  private static final String CHECKSUM_PLACEHOLDER = "0".repeat(64);

  private SafetensorsWriter() {}

  static void write(Path target, Map<String, Matrix> tensors, Map<String, String> metadata) {
    Objects.requireNonNull(target, "target");
    List<Matrix> matrices = new ArrayList<>();
    List<TensorEntry> entries = plan(tensors, matrices);
    Map<String, String> meta = checkedMetadata(metadata);
    Path file = target.toAbsolutePath();
    try {
      AtomicFiles.write(file, channel -> writeTo(channel, entries, matrices, meta));
    } catch (IOException e) {
      throw new DendriteException(
          DendriteException.Kind.RUNTIME,
          file
              + ": cannot write the model file ("
              + e
              + "); check that the folder exists, is writable and has space",
          e);
    }
  }

  /** The entries in the map's order, contiguous from offset 0; fills {@code matrices} alike. */
  private static List<TensorEntry> plan(Map<String, Matrix> tensors, List<Matrix> matrices) {
    Objects.requireNonNull(tensors, "tensors");
    List<TensorEntry> entries = new ArrayList<>(tensors.size());
    long offset = 0;
    for (Map.Entry<String, Matrix> tensor : tensors.entrySet()) {
      String name = Objects.requireNonNull(tensor.getKey(), "tensor name");
      Matrix matrix = Objects.requireNonNull(tensor.getValue(), () -> "tensor " + name);
      if (name.equals(SafetensorsHeader.METADATA)) {
        throw new IllegalArgumentException(
            "a tensor cannot be named " + SafetensorsHeader.METADATA + ": the format reserves it");
      }
      Dtype dtype = matrix.isDouble() ? Dtype.F64 : Dtype.F32;
      TensorEntry entry = TensorEntry.forMatrix(name, dtype, matrix.rows(), matrix.cols(), offset);
      entries.add(entry);
      matrices.add(matrix);
      offset = entry.end();
    }
    return entries;
  }

  private static Map<String, String> checkedMetadata(Map<String, String> metadata) {
    Objects.requireNonNull(metadata, "metadata");
    Map<String, String> checked = new LinkedHashMap<>();
    metadata.forEach(
        (key, value) -> {
          Objects.requireNonNull(key, "metadata key");
          Objects.requireNonNull(value, () -> "metadata " + key);
          if (SafetensorsFile.RESERVED_KEYS.contains(key)) {
            throw new IllegalArgumentException(
                "metadata key " + key + " is reserved: Dendrite writes it itself");
          }
          checked.put(key, value);
        });
    return checked;
  }

  private static void writeTo(
      FileChannel channel,
      List<TensorEntry> entries,
      List<Matrix> matrices,
      Map<String, String> metadata)
      throws IOException {
    // The header holds the checksum of the data behind it: write the data first, behind a
    // header of the same length, so the matrices are encoded once.
    int headerBytes = header(entries, metadata, CHECKSUM_PLACEHOLDER).length;
    channel.position(Long.BYTES + (long) headerBytes);
    MessageDigest digest = Checksums.sha256();
    ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    for (Matrix matrix : matrices) {
      writeValues(channel, matrix, chunk, digest);
    }
    byte[] header = header(entries, metadata, HexFormat.of().formatHex(digest.digest()));
    if (header.length != headerBytes) {
      throw new IllegalStateException("the header changed length with its checksum");
    }
    ByteBuffer start =
        ByteBuffer.allocate(Long.BYTES + header.length).order(ByteOrder.LITTLE_ENDIAN);
    start.putLong(header.length).put(header).flip();
    long position = 0;
    while (start.hasRemaining()) {
      position += channel.write(start, position);
    }
  }

  private static byte[] header(
      List<TensorEntry> entries, Map<String, String> metadata, String checksum) {
    Map<String, String> all = new LinkedHashMap<>(metadata);
    all.put(SafetensorsFile.FORMAT_KEY, SafetensorsFile.FORMAT);
    all.put(SafetensorsFile.SHA256_KEY, checksum);
    return SafetensorsHeader.of(entries, all).encode();
  }

  private static void writeValues(
      FileChannel channel, Matrix matrix, ByteBuffer chunk, MessageDigest digest)
      throws IOException {
    int size = matrix.size();
    int perChunk = CHUNK_BYTES / (matrix.isDouble() ? Double.BYTES : Float.BYTES);
    for (int from = 0; from < size; from += perChunk) {
      int count = Math.min(perChunk, size - from);
      chunk.clear();
      if (matrix.isDouble()) {
        chunk.asDoubleBuffer().put(matrix.doubles(), from, count);
        chunk.limit(count * Double.BYTES);
      } else {
        chunk.asFloatBuffer().put(matrix.floats(), from, count);
        chunk.limit(count * Float.BYTES);
      }
      digest.update(chunk.array(), 0, chunk.limit());
      while (chunk.hasRemaining()) {
        channel.write(chunk);
      }
    }
  }
}
