package io.dendrite.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FileSignatureTests {
  private static String of(int... bytes) {
    byte[] b = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      b[i] = (byte) bytes[i];
    }
    return FileSignature.describe(b);
  }

  @Test
  void otherToolsFilesAreRecognizedByTheirFirstBytes() {
    assertThat(of('P', 'K', 3, 4, 0)).startsWith("it looks like a ZIP archive");
    assertThat(of('P', 'K', 5, 6)).startsWith("it looks like a ZIP archive");
    assertThat(of(0x89, 'P', 'N', 'G', 0x0d)).isEqualTo("it looks like a PNG image");
    assertThat(of(0x1f, 0x8b)).as("exactly the signature").isEqualTo("it looks like a gzip file");
    assertThat(of(0x93, 'N', 'U', 'M', 'P', 'Y', 1)).isEqualTo("it looks like a NumPy .npy file");
  }

  @Test
  void picklesAreProtocols2To5() {
    String pickle = "it looks like a Python pickle, such as a legacy PyTorch file";
    assertThat(of(0x80, 2)).isEqualTo(pickle);
    assertThat(of(0x80, 5, 0x95)).isEqualTo(pickle);
    assertThat(of(0x80, 1)).isEmpty();
    assertThat(of(0x80, 6)).isEmpty();
    assertThat(of(0x80)).isEmpty();
    assertThat(of(0x81, 3)).isEmpty();
  }

  @Test
  void printableAsciiIsTextAndAnythingElseIsUnknown() {
    assertThat(FileSignature.describe(" hello ~\tthere\r\n".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("it looks like a text file, starting with \"hello ~\tthere\"");
    assertThat(of('a', 0x7f)).isEmpty();
    assertThat(of('a', 0x1f)).isEmpty();
    assertThat(of('a', 0xe9)).isEmpty();
    assertThat(of(0x20)).isEqualTo("it looks like a text file, starting with \"\"");
    assertThat(of(0x7e)).isEqualTo("it looks like a text file, starting with \"~\"");
    assertThat(of()).isEmpty();
    assertThat(of('P', 'K', 3)).as("shorter than a signature").isEmpty();
    assertThat(of(0x1f)).isEmpty();
  }
}
