package io.dendrite.runner.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.runner.config.ConfigException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Experiment files written to hurt: tags that name classes never load one, and files built to
 * exhaust memory, the stack or the processor fail within a second having allocated little (the
 * bytes allocated by the reading thread are measured).
 */
class HostileYamlTests {
  /** What the reader may allocate to refuse any of these files: a few times the file's size. */
  private static final long MAX_ALLOCATED = 64L << 20;

  private static final String CANARY = TagCanary.class.getName();

  private final YamlTreeReader reader = new YamlTreeReader();

  @TempDir Path dir;

  @Test
  void globalTagsNamingAClassNeverInitializeIt() {
    List<String> files =
        List.of(
            "name: !!" + CANARY + " x\n",
            "name: !!" + CANARY + " [x]\n",
            "name: !!" + CANARY + " {value: x}\n",
            "name: !<tag:yaml.org,2002:" + CANARY + "> x\n",
            "%TAG !d! tag:yaml.org,2002:io.dendrite.runner.yaml.\n---\nname: !d!TagCanary x\n",
            "name: !" + CANARY + " x\n",
            "? !!" + CANARY + " x\n: 1\n",
            "name: &a !!" + CANARY + " x\nseed: *a\n",
            "name: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader"
                + " [[!!java.net.URL [\"http://localhost/\"]]]]\n");
    for (String yaml : files) {
      String message = problemOf(() -> reader.parse(yaml, "exp.yaml"));
      assertThat(message).as(yaml).startsWith("exp.yaml:").contains("is not allowed");
    }
    String override = problemOf(() -> reader.parseValue("!!" + CANARY + " x", "name=!!..."));
    assertThat(override).contains("is not allowed");
    assertThat(System.getProperty(TagCanary.INITIALIZED))
        .as("the canary's static initializer ran")
        .isNull();
  }

  @Test
  void aBillionLaughsFailsFastInBoundedMemory() {
    StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      bomb.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        bomb.append(i == 0 ? "" : ",").append('*').append((char) (c - 1));
      }
      bomb.append("]\n");
    }
    assertBounded(bomb.toString(), "alias bomb");
  }

  @Test
  void anExpansionUnderTheAliasLimitFailsFastInBoundedMemory() {
    StringBuilder bomb = new StringBuilder("a: &a [1, 2, 3, 4, 5, 6, 7, 8]\n");
    for (char c = 'b'; c <= 'g'; c++) {
      bomb.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 8; i++) {
        bomb.append(i == 0 ? "" : ",").append('*').append((char) (c - 1));
      }
      bomb.append("]\n");
    }
    assertBounded(bomb.toString(), "expands to more than");
  }

  @Test
  void deepNestingFailsFastWithoutStackOverflow() {
    assertBounded("a: " + "[".repeat(4_000) + "]".repeat(4_000) + "\n", "nested more than");
    assertBounded("a: " + "[\n".repeat(100_000) + "]\n".repeat(100_000), "nested more than");
    assertBounded("a: " + "{b: ".repeat(1_500) + "}".repeat(1_500) + "\n", "nested more than");
    StringBuilder block = new StringBuilder();
    for (int i = 0; i < 400; i++) {
      block.append(" ".repeat(i)).append("k: \n");
    }
    assertBounded(block.toString(), "nested more than");
  }

  @Test
  void hugeScalarsFailFastInBoundedMemory() {
    assertBounded("name: " + "x".repeat(900_000) + "\n", "longer than 10000 characters");
    assertBounded("name: \"" + "x ".repeat(450_000) + "\"\n", "longer than 10000 characters");
    StringBuilder block = new StringBuilder("name: |\n");
    for (int i = 0; i < 9_000; i++) {
      block.append("  ").append("y".repeat(99)).append('\n');
    }
    assertBounded(block.toString(), "a value of 900,000 characters");
  }

  @Test
  void manyValuesFailFastInBoundedMemory() {
    assertBounded("a:\n" + "- 1\n".repeat(200_000), "holds more than 20000 values");
    assertBounded("a: [" + "1,".repeat(400_000) + "]\n", "longer than 10000 characters");
  }

  @Test
  void aHugeFileIsRefusedBeforeItIsRead() throws Exception {
    Path big = dir.resolve("big.yaml");
    Files.writeString(big, "a: [" + "1, ".repeat(3_000_000) + "]\n");
    Supplier<String> read = () -> problemOf(() -> reader.read(big, "big.yaml"));
    Measured m = measure(read);
    assertThat(m.message())
        .startsWith("big.yaml: is 8.6 MB; an experiment file may be at most 1 MB");
    assertThat(m.allocated()).isLessThan(1 << 20);
    assertThat(m.nanos()).isLessThan(1_000_000_000L);
  }

  private void assertBounded(String yaml, String expected) {
    Measured m = measure(() -> problemOf(() -> reader.parse(yaml, "exp.yaml")));
    assertThat(m.message()).startsWith("exp.yaml").contains(expected).hasSizeLessThan(400);
    assertThat(m.allocated())
        .as("bytes allocated to refuse a file of %,d characters (%s)", yaml.length(), expected)
        .isLessThan(MAX_ALLOCATED);
    assertThat(m.nanos()).as("nanoseconds to refuse it (%s)", expected).isLessThan(1_000_000_000L);
  }

  record Measured(String message, long allocated, long nanos) {}

  /**
   * The least time and allocation of three attempts after a first that warms the code up: what the
   * reader costs, not what the busy test machine adds.
   */
  private static Measured measure(Supplier<String> refusal) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    String message = refusal.get();
    long allocated = Long.MAX_VALUE;
    long nanos = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      long bytes = threads.getCurrentThreadAllocatedBytes();
      long start = System.nanoTime();
      message = refusal.get();
      nanos = Math.min(nanos, System.nanoTime() - start);
      allocated = Math.min(allocated, threads.getCurrentThreadAllocatedBytes() - bytes);
    }
    System.out.printf(
        "refused in %.1f ms, %,d bytes allocated: %s%n",
        nanos / 1e6, allocated, message.lines().findFirst().orElse(""));
    return new Measured(message, allocated, nanos);
  }

  private static String problemOf(Runnable read) {
    try {
      read.run();
    } catch (ConfigException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected the file to be refused");
  }
}
