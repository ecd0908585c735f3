package io.dendrite.core.model;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The SHA-256 that guards a model file's data section. */
final class Checksums {
  private Checksums() {}

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256.
      throw new IllegalStateException(e);
    }
  }
}
