package io.dendrite.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.dendrite.core.DendriteException;
import io.dendrite.core.tensor.Matrix;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every damaged, foreign or crafted file is refused with a message that names the file, says what
 * is wrong and what to do, and before anything large is allocated.
 */
class MalformedSafetensorsTests {
  /** Far below what the crafted headers claim (up to terabytes), far above a refusal's needs. */
  private static final long MAX_ALLOCATED_BYTES = 1L << 20;

  private static final String RESAVE = "the file is damaged or not a Dendrite model; re-save it";

  @TempDir Path dir;

  @BeforeAll
  static void loadTheClassesOfReadingAndRefusing(@TempDir Path warmUp) throws IOException {
    // Class loading allocates; measure refusals, not the first use of Jackson.
    Path good = warmUp.resolve("good.safetensors");
    SafetensorsFile.write(good, Map.of("w", Matrix.floats(2, 2)), Map.of());
    SafetensorsFile.read(good);
    for (String json : new String[] {"{\"a\":1,\"a\":2}", "{x", "{\"a\":{}}", "[]"}) {
      Path bad = CraftedFiles.withHeader(warmUp.resolve("bad.safetensors"), json, 0);
      assertThatThrownBy(() -> SafetensorsFile.read(bad)).isInstanceOf(DendriteException.class);
    }
  }

  @Test
  void anEmptyFile() throws IOException {
    Path file = Files.write(dir.resolve("empty.safetensors"), new byte[0]);

    assertThat(refusal(file)).contains("is empty (0 bytes)", RESAVE);
  }

  @Test
  void aFileShorterThanTheHeaderLength() throws IOException {
    Path file = Files.write(dir.resolve("short.safetensors"), new byte[] {1, 0, 0});

    assertThat(refusal(file)).contains("is 3 bytes long, too short", RESAVE);
  }

  @Test
  void aFileTruncatedInItsData() throws IOException {
    Path file = goodFile("truncated.safetensors");
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length - 10));

    assertThat(refusal(file))
        .contains(
            "tensor 'layers.0.bias'", "beyond the end of the file at byte " + (bytes.length - 10))
        .contains(RESAVE);
  }

  @Test
  void aFileTruncatedInItsHeader() throws IOException {
    Path file = goodFile("truncated.safetensors");
    Files.write(file, Arrays.copyOf(Files.readAllBytes(file), 40));

    assertThat(refusal(file)).contains("only 32 bytes follow it (is the file truncated?)", RESAVE);
  }

  @Test
  void aFlippedByteInTheData() throws IOException {
    Path file = goodFile("flipped.safetensors");
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 3] ^= 0x10;
    Files.write(file, bytes);

    assertThat(refusal(file))
        .contains("does not match the checksum dendrite.sha256 in the header", RESAVE);
  }

  @Test
  void aFlippedByteInTheHeaderJson() throws IOException {
    Path file = goodFile("flipped-header.safetensors");
    byte[] bytes = Files.readAllBytes(file);
    bytes[8] = '[';
    Files.write(file, bytes);

    assertThat(refusal(file)).contains("the header at byte 8 does not start with '{'", RESAVE);
  }

  @Test
  void aZipArchiveSuchAsAPyTorchFile() throws IOException {
    Path file = dir.resolve("model.pt");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
      zip.putNextEntry(new ZipEntry("archive/data.pkl"));
      zip.write(new byte[] {(byte) 0x80, 2, '}', 'q', 0, '.'});
      zip.closeEntry();
    }

    assertThat(refusal(file))
        .contains("more than the 100000000 bytes a header may have")
        .contains("it looks like a ZIP archive, such as a PyTorch .pt or .pth file")
        .contains(RESAVE);
  }

  @Test
  void aPngImage() throws IOException {
    Path file = dir.resolve("picture.safetensors");
    try (OutputStream out = Files.newOutputStream(file)) {
      ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", out);
    }

    assertThat(refusal(file)).contains("it looks like a PNG image", RESAVE);
  }

  @Test
  void aTextFile() throws IOException {
    Path file = Files.writeString(dir.resolve("experiment.yaml"), "name: mnist\nseed: 7\n");

    assertThat(refusal(file))
        .contains("it looks like a text file, starting with \"name: mn\"", RESAVE);
  }

  @Test
  void aHeaderLengthOfTerabytes() throws IOException {
    Path file =
        CraftedFiles.write(dir.resolve("huge.safetensors"), 1L << 40, new byte[92], new byte[0]);

    assertThat(refusal(file))
        .contains("the header length at byte 0 says 1099511627776 bytes, more than the 100000000")
        .contains(RESAVE);
  }

  @Test
  void aHeaderLengthAboveTwoToTheSixtyThree() throws IOException {
    Path file = CraftedFiles.write(dir.resolve("huge.safetensors"), -1L, new byte[92], new byte[0]);

    assertThat(refusal(file)).contains("says 18446744073709551615 bytes");
  }

  @Test
  void aHeaderLengthLargerThanTheFile() throws IOException {
    Path file =
        CraftedFiles.write(dir.resolve("long.safetensors"), 1000, new byte[92], new byte[0]);

    assertThat(refusal(file))
        .contains("the header length at byte 0 says 1000 bytes, but only 92 bytes follow it")
        .contains(RESAVE);
  }

  @Test
  void aShapeOfTwoToTheFortyValuesInAHundredByteFile() throws IOException {
    String json =
        "{\"w\":{\"dtype\":\"F32\",\"shape\":[1048576,1048576],\"data_offsets\":[0,4398046511104]}}";
    Path file =
        CraftedFiles.withHeader(
            dir.resolve("huge-shape.safetensors"), json, 100 - 8 - json.length());
    assertThat(Files.size(file)).isEqualTo(100);

    long start = System.nanoTime();
    String message = refusal(file);
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(message)
        .contains("tensor 'w' has data_offsets [0, 4398046511104]", "beyond the end of the file")
        .contains(RESAVE);
    assertThat(millis).as("milliseconds to refuse").isLessThan(2_000);
  }

  @Test
  void aShapeOfTwoToTheFortyValuesWithSmallOffsets() throws IOException {
    String json = "{\"w\":{\"dtype\":\"F32\",\"shape\":[1099511627776],\"data_offsets\":[0,16]}}";
    Path file = CraftedFiles.withHeader(dir.resolve("huge-shape.safetensors"), json, 16);

    assertThat(refusal(file))
        .contains("tensor 'w' has shape [1099511627776] of F32, which takes 4398046511104 bytes")
        .contains("data_offsets [0, 16] hold 16 bytes");
  }

  @Test
  void aShapeWhoseProductOverflows() throws IOException {
    String json =
        "{\"w\":{\"dtype\":\"F64\",\"shape\":[4611686018427387904,4],\"data_offsets\":[0,8]}}";
    Path file = CraftedFiles.withHeader(dir.resolve("overflow.safetensors"), json, 8);

    assertThat(refusal(file)).contains("tensor 'w' has shape", "too many values to count", RESAVE);
  }

  @Test
  void aTensorTooLargeForAMatrix() throws IOException {
    // No values, so offsets and shape agree in a small file; but a Matrix has at most 2^31 - 1
    // rows. The same check refuses 2^31 values in a file large enough to hold them.
    String json = "{\"w\":{\"dtype\":\"F32\",\"shape\":[2147483648,0],\"data_offsets\":[0,0]}}";
    Path file = CraftedFiles.withHeader(dir.resolve("too-large.safetensors"), json, 0);

    assertThat(refusal(file))
        .contains("tensor 'w' has shape [2147483648, 0], too large for a Dendrite matrix")
        .contains("split the tensor into smaller ones");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("craftedHeaders")
  void aCraftedHeader(String problem, String json, int dataBytes, String expected, String remedy)
      throws IOException {
    Path file = CraftedFiles.withHeader(dir.resolve("crafted.safetensors"), json, dataBytes);

    assertThat(refusal(file)).contains(expected, remedy);
  }

  static Stream<Arguments> craftedHeaders() {
    String convert = "convert it to float32 before saving";
    return Stream.of(
        arguments(
            "overlapping tensors",
            "{\"a\":" + entry("F32", "[4]", 0, 16) + ",\"b\":" + entry("F32", "[2]", 8, 16) + "}",
            16,
            "inside tensor 'a'",
            "the tensors overlap"),
        arguments(
            "offsets beyond the file",
            "{\"a\":" + entry("F32", "[4]", 0, 16) + "}",
            8,
            "tensor 'a' has data_offsets [0, 16], which end at byte",
            RESAVE),
        arguments(
            "offsets far beyond the file",
            "{\"a\":" + entry("F32", "[4]", 9223372036854775800L, 9223372036854775807L) + "}",
            8,
            "which end at byte 9223372036854775807, beyond the end of the file",
            RESAVE),
        arguments(
            "a gap between tensors",
            "{\"a\":" + entry("F32", "[2]", 0, 8) + ",\"b\":" + entry("F32", "[2]", 12, 20) + "}",
            20,
            "before tensor 'b', belong to no tensor",
            RESAVE),
        arguments(
            "a gap at the start",
            "{\"a\":" + entry("F32", "[2]", 4, 12) + "}",
            12,
            "before tensor 'a', belong to no tensor",
            RESAVE),
        arguments(
            "bytes after the last tensor",
            "{\"a\":" + entry("F32", "[2]", 0, 8) + "}",
            12,
            "4 bytes from byte",
            "to the end of the file belong to no tensor"),
        arguments(
            "offsets out of order",
            "{\"a\":" + entry("F32", "[1]", 8, 4) + "}",
            8,
            "tensor 'a' has data_offsets [8, 4], which end before they begin",
            RESAVE),
        arguments(
            "negative offsets",
            "{\"a\":" + entry("F32", "[1]", -4, 0) + "}",
            0,
            "data_offsets [-4, 0]; expected non-negative integers",
            RESAVE),
        arguments(
            "offsets that are not a pair",
            "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0]}}",
            4,
            "tensor 'a' has data_offsets that are not a pair [begin, end]",
            RESAVE),
        arguments(
            "a size that does not match the offsets",
            "{\"a\":" + entry("F64", "[3]", 0, 16) + "}",
            16,
            "tensor 'a' has shape [3] of F64, which takes 24 bytes",
            RESAVE),
        arguments(
            "three dimensions",
            "{\"conv\":" + entry("F32", "[2,2,2]", 0, 32) + "}",
            32,
            "tensor 'conv' has 3 dimensions; Dendrite reads at most 2",
            "reshape it to two dimensions"),
        arguments(
            "a negative dimension",
            "{\"a\":" + entry("F32", "[-1,4]", 0, 0) + "}",
            0,
            "tensor 'a' has dimension 0 of -1 in its shape",
            RESAVE),
        arguments(
            "a fractional dimension",
            "{\"a\":" + entry("F32", "[1.5]", 0, 4) + "}",
            4,
            "tensor 'a' has dimension 0 of 1.5 in its shape",
            RESAVE),
        arguments(
            "a dimension beyond a long",
            "{\"a\":" + entry("F32", "[99999999999999999999999]", 0, 4) + "}",
            4,
            "tensor 'a' has dimension 0 of 99999999999999999999999",
            RESAVE),
        arguments(
            "float16",
            "{\"h\":" + entry("F16", "[2]", 0, 4) + "}",
            4,
            "tensor 'h' has dtype F16",
            convert),
        arguments(
            "bfloat16",
            "{\"h\":" + entry("BF16", "[2]", 0, 4) + "}",
            4,
            "tensor 'h' has dtype BF16; Dendrite reads F32 and F64 tensors only",
            convert),
        arguments(
            "int64",
            "{\"steps\":" + entry("I64", "[1]", 0, 8) + "}",
            8,
            "tensor 'steps' has dtype I64",
            convert),
        arguments(
            "an unknown dtype",
            "{\"a\":" + entry("F31", "[1]", 0, 4) + "}",
            4,
            "tensor 'a' has an unknown dtype 'F31'",
            RESAVE),
        arguments(
            "a dtype that is not a string",
            "{\"a\":{\"dtype\":32,\"shape\":[1],\"data_offsets\":[0,4]}}",
            4,
            "tensor 'a' has a dtype that is the number 32",
            RESAVE),
        arguments(
            "a missing field",
            "{\"a\":{\"dtype\":\"F32\",\"data_offsets\":[0,4]}}",
            4,
            "tensor 'a' has no shape",
            RESAVE),
        arguments(
            "an unknown field",
            "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4],\"order\":\"F\"}}",
            4,
            "tensor 'a' has an unknown field 'order'",
            RESAVE),
        arguments(
            "a tensor that is not an object",
            "{\"a\":[1,2]}",
            0,
            "tensor 'a' is an array, not an object with dtype, shape and data_offsets",
            RESAVE),
        arguments(
            "a duplicate tensor name",
            "{\"a\":" + entry("F32", "[1]", 0, 4) + ",\"a\":" + entry("F32", "[1]", 4, 8) + "}",
            8,
            "Duplicate field 'a'",
            RESAVE),
        arguments(
            "a header that is not an object",
            "[{\"a\":1}]",
            0,
            "the header at byte 8 does not start with '{'",
            RESAVE),
        arguments(
            "a header that is not JSON",
            "{\"a\": nope}",
            0,
            "the header is not valid JSON at byte 14",
            RESAVE),
        arguments(
            "two JSON values",
            "{} {}",
            0,
            "the header goes on after its JSON object, at byte 11",
            RESAVE),
        arguments(
            "text after the JSON object",
            "{} x",
            0,
            "the header is not valid JSON at byte 11",
            RESAVE),
        arguments(
            "deeply nested JSON",
            "{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}",
            0,
            "the header is not valid JSON",
            RESAVE),
        arguments(
            "metadata that is not a string",
            "{\"__metadata__\":{\"epoch\":12}}",
            0,
            "metadata 'epoch' is the number 12, not a string",
            RESAVE),
        arguments(
            "metadata that is not an object",
            "{\"__metadata__\":\"none\"}",
            0,
            "the header's __metadata__ is not a JSON object",
            RESAVE),
        arguments(
            "a checksum that is not hex",
            "{\"__metadata__\":{\"dendrite.sha256\":\"abc\"}}",
            0,
            "the checksum dendrite.sha256 is 'abc', not 64 lowercase hexadecimal digits",
            RESAVE),
        arguments(
            "a newer Dendrite format",
            "{\"__metadata__\":{\"dendrite.format\":\"2\"}}",
            0,
            "it is in Dendrite model format '2' (dendrite.format); this version reads format 1",
            "read it with the Dendrite version that wrote it, or a newer one"),
        arguments(
            "a very long tensor name",
            "{\"" + "n".repeat(5000) + "\":" + entry("F16", "[1]", 0, 2) + "}",
            2,
            "…' (5000 characters) has dtype F16",
            convert));
  }

  @Test
  void aHeaderThatIsNotUtf8() throws IOException {
    byte[] header = "{\"a\":1}".getBytes(StandardCharsets.US_ASCII);
    header[3] = (byte) 0xff;
    Path file =
        CraftedFiles.write(dir.resolve("latin.safetensors"), header.length, header, new byte[0]);

    assertThat(refusal(file)).contains("the header is not valid UTF-8 at byte 11", RESAVE);
  }

  @Test
  void aFolder() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("model.safetensors"));

    assertThat(refusal(folder)).contains("is a folder; give the path of a .safetensors model file");
  }

  @Test
  void aMissingFile() {
    assertThat(refusal(dir.resolve("nowhere.safetensors"))).contains("no such model file");
  }

  /** A valid Dendrite file with two tensors. */
  private Path goodFile(String name) {
    Map<String, Matrix> tensors = new LinkedHashMap<>();
    tensors.put("layers.0.weight", Matrix.floats(3, 4).fill(0.25));
    tensors.put("layers.0.bias", Matrix.floats(1, 4).fill(-1));
    Path file = dir.resolve(name);
    SafetensorsFile.write(file, tensors, Map.of("epoch", "3"));
    return file;
  }

  private static String entry(String dtype, String shape, long begin, long end) {
    return "{\"dtype\":\""
        + dtype
        + "\",\"shape\":"
        + shape
        + ",\"data_offsets\":["
        + begin
        + ","
        + end
        + "]}";
  }

  /**
   * The message of reading {@code file}, which must be refused as bad data, name the file, and
   * allocate little.
   */
  private static String refusal(Path file) {
    DendriteException[] refusal = new DendriteException[1];
    long allocated =
        CraftedFiles.allocatedBy(
            () -> {
              try {
                SafetensorsFile.read(file);
              } catch (DendriteException e) {
                refusal[0] = e;
              }
            });
    assertThat(refusal[0]).as("the refusal of %s", file).isNotNull();
    assertThat(refusal[0].kind()).isEqualTo(DendriteException.Kind.DATA);
    assertThat(refusal[0].getMessage()).startsWith(file.toAbsolutePath() + ": ");
    assertThat(allocated).as("bytes allocated to refuse %s", file).isLessThan(MAX_ALLOCATED_BYTES);
    return refusal[0].getMessage();
  }
}
