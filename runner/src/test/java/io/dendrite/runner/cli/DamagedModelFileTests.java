package io.dendrite.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.runner.TestFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A model file is untrusted input: {@code evaluate} and {@code predict} refuse a damaged, crafted
 * or foreign one with one message naming the file, and exit code 3.
 */
class DamagedModelFileTests {
  @TempDir static Path dir;
  static CliHarness cli;
  static byte[] good;

  @BeforeAll
  static void train() throws IOException {
    PluginRegistry registry = PluginRegistry.discover(DamagedModelFileTests.class.getClassLoader());
    cli = new CliHarness(dir, () -> registry);
    TestFiles.write(
        dir,
        "tiny.yaml",
        TestFiles.VALID.replace("epochs: 2", "epochs: 1").replace("units: 16", "units: 4"));
    CliHarness.Result r = cli.run("run", "tiny.yaml", "--out", "run", "-q");
    assertThat(r.exitCode()).as(r.err()).isZero();
    good = Files.readAllBytes(dir.resolve("run/model.safetensors"));
  }

  /** A file of the 8-byte header length {@code length}, then {@code header}, then {@code data}. */
  private static byte[] crafted(long length, String header, int data) {
    byte[] h = header.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(8 + h.length + data)
        .order(ByteOrder.LITTLE_ENDIAN)
        .putLong(length)
        .put(h)
        .array();
  }

  private static byte[] crafted(String header, int data) {
    return crafted(header.getBytes(StandardCharsets.UTF_8).length, header, data);
  }

  static Stream<Arguments> files() throws IOException {
    byte[] flipped = good.clone();
    flipped[flipped.length - 5] ^= 0x01;
    return Stream.of(
        Arguments.of("zero bytes", new byte[0], "is empty (0 bytes)"),
        Arguments.of(
            "truncated", Arrays.copyOf(good, good.length / 2), "beyond the end of the file"),
        Arguments.of("one bit flipped", flipped, "does not match the checksum"),
        Arguments.of("a header length of 2^62", crafted(1L << 62, "{}", 0), "header length"),
        Arguments.of(
            "overlapping offsets",
            crafted(
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]},"
                    + "\"b\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[8,24]}}",
                24),
            "'b'"),
        Arguments.of(
            "an offset beyond the file",
            crafted(
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,1073741824]}}", 16),
            "'a'"),
        Arguments.of(
            "a shape of 2^60 values",
            crafted(
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[1073741824,1073741824],\"data_offsets\":[0,16]}}",
                16),
            "'a'"),
        Arguments.of(
            "a safetensors file of another tool",
            crafted("{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", 8),
            "not a Dendrite model"),
        Arguments.of(
            "a checkpoint",
            Files.readAllBytes(dir.resolve("run/checkpoints/epoch-0001.safetensors")),
            "a checkpoint, not a model"),
        Arguments.of(
            "a YAML file", "name: x\n".repeat(4).getBytes(StandardCharsets.UTF_8), "text file"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void isRefusedWithExitCodeThree(String what, byte[] bytes, String expected) throws IOException {
    Path file = Files.write(dir.resolve("bad.safetensors"), bytes);
    for (String[] command :
        new String[][] {{"evaluate", file.toString()}, {"predict", file.toString(), "tiny.yaml"}}) {
      CliHarness.Result r = cli.run(command);
      assertThat(r.exitCode()).as("%s: %s", command[0], r.err()).isEqualTo(3);
      assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
      assertThat(r.err()).contains("bad.safetensors").contains(expected);
      assertThat(r.out()).isEmpty();
    }
  }
}
