package io.dendrite.core.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Starts JVMs without the Vector API module, as a user's plain {@code java -jar} would. */
class ScalarFallbackTests {
  @Test
  void aJvmWithoutTheModuleUsesScalarKernelsAndNeverLoadsTheVectorOnes() throws Exception {
    String output = runProbe();
    assertThat(output).contains("kernels=ScalarFloatKernels", "c=[19.0, 22.0, 43.0, 50.0]");
    assertThat(output).doesNotContain("VectorFloatKernels", "jdk.incubator.vector");
  }

  @Test
  void aJvmWithTheModuleLoadsTheVectorKernels() throws Exception {
    // Also shows that the class-loading log above would have caught the vector class.
    String output = runProbe("--add-modules", "jdk.incubator.vector");
    assertThat(output).contains("kernels=VectorFloatKernels", "c=[19.0, 22.0, 43.0, 50.0]");
    assertThat(output).containsPattern("io\\.dendrite\\.core\\.tensor\\.VectorFloatKernels ");
  }

  @Test
  void thePropertyForcesScalarKernelsEvenWithTheModule() throws Exception {
    String output =
        runProbe("--add-modules", "jdk.incubator.vector", "-D" + FloatKernels.PROPERTY + "=scalar");
    assertThat(output).contains("kernels=ScalarFloatKernels");
    assertThat(output).doesNotContain("VectorFloatKernels");
  }

  private static String runProbe(String... jvmArgs) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(jvmArgs));
    command.add("-Xshare:auto");
    command.add("-verbose:class");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Probe.class.getName());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] out = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String text = new String(out, StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(text).isZero();
    // Keep only our classes and the probe's own lines: the JDK's class list is noise here.
    StringBuilder relevant = new StringBuilder();
    for (String line : text.split("\n")) {
      if (line.contains("io.dendrite") || line.contains("incubator") || !line.startsWith("[")) {
        relevant.append(line).append('\n');
      }
    }
    return relevant.toString();
  }

  /** Runs in the child JVM. */
  static final class Probe {
    private Probe() {}

    public static void main(String[] args) {
      FloatKernels kernels = FloatKernels.current();
      float[] c = new float[4];
      kernels.multiply(
          ComputePool.singleThreaded(),
          new float[] {1, 2, 3, 4},
          new float[] {5, 6, 7, 8},
          c,
          2,
          2,
          2);
      System.out.println("kernels=" + kernels.getClass().getSimpleName());
      System.out.println("c=" + java.util.Arrays.toString(c));
    }
  }
}
