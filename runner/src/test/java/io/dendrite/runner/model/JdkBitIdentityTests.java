package io.dendrite.runner.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dendrite.runner.ChildCli;
import io.dendrite.runner.StrictJson;
import io.dendrite.runner.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same experiment run on this JDK (17) and on JDK 25 gives the same weights and metrics, bit
 * for bit: the kernels use no fused multiply-add or other operation whose rounding a JDK may
 * choose. JDK 25 is looked for in {@code DENDRITE_JDK25} or Temurin's folder; without it the test
 * is skipped, saying so.
 */
class JdkBitIdentityTests {
  private static final String EXPERIMENT =
      """
      name: jdks
      seed: 11
      data:
        train: {type: mnist_sample, split: train}
        test: {type: mnist_sample, split: test}
        validation_split: 0.1
      model:
        layers:
          - {type: dense, units: 24, activation: tanh}
          - {type: dropout, rate: 0.1}
          - {type: dense, units: 10, activation: softmax}
      loss: cross_entropy
      optimizer: {type: adam, learning_rate: 0.003}
      training: {epochs: 2, batch_size: 50, threads: 2}
      """;

  @TempDir Path dir;

  static Path jdk25() {
    String given = System.getenv("DENDRITE_JDK25");
    Path home = Path.of(given != null ? given : "/usr/lib/jvm/temurin-25-jdk-amd64");
    return home.resolve("bin/java");
  }

  @Test
  void jdk17AndJdk25GiveTheSameBits() throws Exception {
    Path java25 = jdk25();
    assumeTrue(
        Files.isExecutable(java25),
        "JDK 25 not found at " + java25 + " (set DENDRITE_JDK25 to its home); test skipped");
    TestFiles.write(dir, "jdks.yaml", EXPERIMENT);
    ChildCli.Outcome on17 = new ChildCli(dir).run("run", "jdks.yaml", "--out", "on17", "-q");
    assertThat(on17.exitCode()).as(on17.err()).isZero();
    ChildCli.Outcome on25 =
        new ChildCli(dir, List.of(), java25).run("run", "jdks.yaml", "--out", "on25", "-q");
    assertThat(on25.exitCode()).as(on25.err()).isZero();

    assertThat(Files.readString(dir.resolve("on25/run.json"))).contains("\"completed\"");
    // The model's provenance says which Java made it: the second run really ran on JDK 25.
    assertThat(new String(Files.readAllBytes(dir.resolve("on25/model.safetensors")), "ISO-8859-1"))
        .containsPattern("\"dendrite.java\":\"25[.\\d]*");
    assertThat(SafetensorsBytes.of(dir.resolve("on25/model.safetensors")))
        .isEqualTo(SafetensorsBytes.of(dir.resolve("on17/model.safetensors")));
    assertThat(metricsWithoutTimes("on25")).isEqualTo(metricsWithoutTimes("on17"));
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> metricsWithoutTimes(String out) throws Exception {
    Map<String, Object> m =
        (Map<String, Object>)
            StrictJson.parse(Files.readString(dir.resolve(out + "/metrics.json")));
    for (Object epoch : (List<Object>) m.get("epochs")) {
      ((Map<String, Object>) epoch).remove("seconds");
    }
    return m;
  }
}
