package io.dendrite.core.model;

import io.dendrite.core.tensor.Matrix;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The contents of a safetensors file: named matrices and string metadata.
 *
 * <p>The layout is the one of <a href="https://github.com/huggingface/safetensors">safetensors</a>,
 * so PyTorch ({@code safetensors.torch.load_file}) reads what Dendrite writes and the other way
 * round. A matrix of one row is stored as a vector ({@code [cols]}), others as {@code [rows,
 * cols]}; on reading, a vector is one row and a scalar is 1 x 1. Dendrite adds two metadata keys,
 * {@value #FORMAT_KEY} and {@value #SHA256_KEY} (the SHA-256 of the data section), which {@link
 * #metadata()} does not show.
 *
 * <p>Instances are immutable maps of matrices the reader made for the caller; the matrices
 * themselves are ordinary mutable matrices that belong to the caller from then on.
 */
public final class SafetensorsFile {
  /** The version of Dendrite's conventions, in the metadata. */
  static final String FORMAT_KEY = "dendrite.format";

  /** The SHA-256 of the data section in lowercase hex, in the metadata. */
  static final String SHA256_KEY = "dendrite.sha256";

  static final String FORMAT = "1";
  static final Set<String> RESERVED_KEYS = Set.of(FORMAT_KEY, SHA256_KEY);

  private final Map<String, Matrix> tensors;
  private final Map<String, String> metadata;
  private final boolean checksumVerified;

  SafetensorsFile(
      Map<String, Matrix> tensors, Map<String, String> metadata, boolean checksumVerified) {
    this.tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
    this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    this.checksumVerified = checksumVerified;
  }

  /**
   * Replaces {@code target} with the given tensors and metadata, whole or not at all.
   *
   * <p>Tensors are written in the map's iteration order (pass a {@link LinkedHashMap} to choose
   * it), float32 matrices as {@code F32} and float64 ones as {@code F64}; only the rows in use
   * ({@link Matrix#rows()}) are written. A crash or an error leaves the old file as it was.
   *
   * @throws IllegalArgumentException if a tensor is named {@code __metadata__} or the metadata uses
   *     a key Dendrite reserves ({@value #FORMAT_KEY}, {@value #SHA256_KEY})
   * @throws io.dendrite.core.DendriteException when the file cannot be written
   */
  public static void write(Path target, Map<String, Matrix> tensors, Map<String, String> metadata) {
    SafetensorsWriter.write(target, tensors, metadata);
  }

  /**
   * Reads and checks a safetensors file, which may come from anywhere.
   *
   * @throws io.dendrite.core.DendriteException of kind data when the file is missing, damaged, not
   *     a safetensors file, or holds tensors Dendrite does not read (other types than F32 and F64,
   *     or more than two dimensions)
   */
  public static SafetensorsFile read(Path file) {
    return SafetensorsReader.read(file);
  }

  /** The tensors in the order of their data in the file. */
  public Map<String, Matrix> tensors() {
    return tensors;
  }

  /** The metadata, without the keys Dendrite keeps for itself. */
  public Map<String, String> metadata() {
    return metadata;
  }

  /**
   * True when the file carried Dendrite's checksum and the data matched it; false for a file that
   * another tool wrote, whose data nothing could check.
   */
  public boolean checksumVerified() {
    return checksumVerified;
  }
}
