package io.dendrite.core.model;

import java.nio.charset.StandardCharsets;

/** Recognizes files from other tools by their first bytes, to say what a refused file really is. */
final class FileSignature {
  private FileSignature() {}

  /** What the file starting with {@code start} looks like, or an empty string when unknown. */
  static String describe(byte[] start) {
    if (startsWith(start, 'P', 'K', 3, 4) || startsWith(start, 'P', 'K', 5, 6)) {
      return "it looks like a ZIP archive, such as a PyTorch .pt or .pth file: load it in PyTorch"
          + " and save it with safetensors.torch.save_file";
    }
    if (startsWith(start, 0x89, 'P', 'N', 'G')) {
      return "it looks like a PNG image";
    }
    if (startsWith(start, 0x1f, 0x8b)) {
      return "it looks like a gzip file";
    }
    if (startsWith(start, 0x93, 'N', 'U', 'M', 'P', 'Y')) {
      return "it looks like a NumPy .npy file";
    }
    if (start.length >= 2 && (start[0] & 0xff) == 0x80 && start[1] >= 2 && start[1] <= 5) {
      return "it looks like a Python pickle, such as a legacy PyTorch file";
    }
    if (isText(start)) {
      return "it looks like a text file, starting with \""
          + new String(start, StandardCharsets.US_ASCII).strip()
          + "\"";
    }
    return "";
  }

  private static boolean startsWith(byte[] bytes, int... signature) {
    if (bytes.length < signature.length) {
      return false;
    }
    for (int i = 0; i < signature.length; i++) {
      if ((bytes[i] & 0xff) != signature[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean isText(byte[] bytes) {
    for (byte b : bytes) {
      if ((b < 0x20 || b > 0x7e) && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return bytes.length > 0;
  }
}
