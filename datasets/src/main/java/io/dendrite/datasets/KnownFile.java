package io.dendrite.datasets;

import java.util.List;
import java.util.Optional;

/**
 * A file as it is distributed: a download is accepted when its size and SHA-256 are those of one of
 * the known variants (the publisher's own file; a repackaging with the same data).
 *
 * @param name the file name on every mirror and in the cache
 * @param variants the byte-for-byte forms the file is known in
 */
record KnownFile(String name, List<Variant> variants) {
  /**
   * One form of the file.
   *
   * @param size its length in bytes
   * @param sha256 its SHA-256, lower-case hex
   */
  record Variant(long size, String sha256) {}

  KnownFile {
    variants = List.copyOf(variants);
    if (variants.isEmpty()) {
      throw new IllegalArgumentException(name + ": no known variant");
    }
  }

  /** A file known in one form. */
  static KnownFile of(String name, long size, String sha256) {
    return new KnownFile(name, List.of(new Variant(size, sha256)));
  }

  /** This file, also accepted as {@code size} bytes hashing to {@code sha256}. */
  KnownFile or(long size, String sha256) {
    List<Variant> more = new java.util.ArrayList<>(variants);
    more.add(new Variant(size, sha256));
    return new KnownFile(name, more);
  }

  /** The size of the first (publisher's) variant: what a download is expected to be. */
  long size() {
    return variants.get(0).size();
  }

  /** The largest size of any variant: a download longer than this is refused while it runs. */
  long maxSize() {
    return variants.stream().mapToLong(Variant::size).max().orElseThrow();
  }

  /** The variant of this size, if any. */
  Optional<Variant> variantOfSize(long bytes) {
    return variants.stream().filter(v -> v.size() == bytes).findFirst();
  }

  /** The name without {@code .gz}: how the file is called once decompressed. */
  String plainName() {
    return name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
  }
}
