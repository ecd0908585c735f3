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
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs killed with {@code kill -9} (SIGKILL: no shutdown hook, no last write) or stopped with
 * Ctrl-C (SIGINT) in the middle of an epoch, then resumed or run again in the same folder, end with
 * the bits of a run never stopped.
 */
class KillAndResumeTests {
  static final String SIX_EPOCHS =
      """
      name: six
      seed: 9
      data:
        train: {type: mnist_sample, split: train}
        test: {type: mnist_sample, split: test}
        validation_split: 0.1
      model:
        layers:
          - {type: dense, units: 64, activation: relu}
          - {type: dropout, rate: 0.2}
          - {type: dense, units: 10, activation: softmax}
      loss: cross_entropy
      optimizer: {type: adam, learning_rate: 0.002}
      training: {epochs: 6, batch_size: 32}
      metrics: [accuracy]
      """;

  @TempDir static Path dir;
  static ChildCli cli;
  static long uninterruptedMillis;

  @BeforeAll
  static void runUninterrupted() throws Exception {
    cli = new ChildCli(dir);
    TestFiles.write(dir, "six.yaml", SIX_EPOCHS);
    long start = System.nanoTime();
    ChildCli.Outcome r = cli.run("run", "six.yaml", "--out", "whole", "-q");
    uninterruptedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertThat(r.exitCode()).as(r.err()).isZero();
    killInEpoch4("killed");
  }

  /** A copy of the killed run's folder, for a test of its own. */
  private static String copyOfKilled(String name) throws Exception {
    Path from = dir.resolve("killed");
    Path to = dir.resolve(name);
    try (var files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(from.relativize(f).toString()));
      }
    }
    return name;
  }

  /**
   * Starts a run into {@code out} and kills it with SIGKILL once epoch 3's checkpoint is on disk.
   */
  private static void killInEpoch4(String out) throws Exception {
    Process p = startAndAwaitEpoch3(out);
    p.destroyForcibly(); // SIGKILL on Linux and macOS
    assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as("killed by signal 9").isEqualTo(137);
    List<String> rows = Files.readAllLines(dir.resolve(out + "/metrics.csv"));
    assertThat(rows).as("metrics.csv: the header and epochs 1 to 3").hasSize(4);
    assertThat(Files.readString(dir.resolve(out + "/run.json"))).contains("\"running\"");
  }

  private static Process startAndAwaitEpoch3(String out) throws Exception {
    return awaitEpoch3(cli.start(out, "run", "six.yaml", "--out", out, "-q"), out);
  }

  private static Process awaitEpoch3(Process p, String out) throws Exception {
    Path third = dir.resolve(out + "/checkpoints/epoch-0003.safetensors");
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (!Files.exists(third) && p.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(p.isAlive()).as("the run is still training when epoch 3 is saved").isTrue();
    return p;
  }

  private static void assertSameAsUninterrupted(String out) throws Exception {
    assertThat(SafetensorsBytes.of(dir.resolve(out + "/model.safetensors")))
        .isEqualTo(SafetensorsBytes.of(dir.resolve("whole/model.safetensors")));
    assertThat(metricsWithoutTimes(out)).isEqualTo(metricsWithoutTimes("whole"));
    assertThat(Files.readString(dir.resolve(out + "/run.json"))).contains("\"completed\"");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> metricsWithoutTimes(String out) throws Exception {
    Map<String, Object> m =
        (Map<String, Object>)
            StrictJson.parse(Files.readString(dir.resolve(out + "/metrics.json")));
    for (Object epoch : (List<Object>) m.get("epochs")) {
      ((Map<String, Object>) epoch).remove("seconds");
    }
    return m;
  }

  /**
   * As tools/kill-resume.sh does, at fewer moments: {@code kill -9} at random moments of a run's
   * lifetime (from the JVM's start to its end), then resumed (or run again when it was killed
   * before it wrote its resolved experiment); the seed is printed, and {@code
   * -Ddendrite.test.killSeed=N} repeats its moments.
   */
  @Test
  void killedAtRandomMomentsAndResumedEndsWithTheBitsOfTheUninterruptedRun() throws Exception {
    long seed = Long.getLong("dendrite.test.killSeed", System.nanoTime());
    System.out.println("KillAndResumeTests: random kill moments from seed " + seed);
    Random random = new Random(seed);
    for (int round = 1; round <= 3; round++) {
      String out = "random-" + round;
      long delay = (long) (random.nextDouble() * uninterruptedMillis);
      Process p = cli.start(out, "run", "six.yaml", "--out", out, "-q");
      boolean ended = p.waitFor(delay, TimeUnit.MILLISECONDS);
      p.destroyForcibly(); // SIGKILL on Linux and macOS
      assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
      String what = "seed " + seed + ", round " + round + ", killed after " + delay + " ms";
      Path folder = dir.resolve(out);
      Path runJson = folder.resolve("run.json");
      if (Files.exists(runJson) && Files.readString(runJson).contains("\"completed\"")) {
        System.out.println(what + ": it had completed" + (ended ? " and ended" : ""));
      } else {
        boolean resumable = Files.exists(folder.resolve("experiment.resolved.yaml"));
        ChildCli.Outcome r =
            resumable
                ? cli.run("resume", out, "-q")
                : cli.run("run", "six.yaml", "--out", out, "-q");
        System.out.println(what + (resumable ? ": resumed" : ": run again"));
        assertThat(r.exitCode()).as("%s: %s", what, r.err()).isZero();
      }
      assertSameAsUninterrupted(out);
    }
  }

  @Test
  void killedInEpoch4Of6AndResumedEndsWithTheBitsOfTheUninterruptedRun() throws Exception {
    String out = copyOfKilled("resumed");
    ChildCli.Outcome r = cli.run("resume", out);
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("checkpoint  resumed/checkpoints/epoch-0003.safetensors")
        .contains("resumed     after epoch 3 of 6")
        .contains("epoch 4/6")
        .doesNotContain("epoch 3/6");
    assertSameAsUninterrupted(out);
    assertThat(Files.readString(dir.resolve(out + "/run.json")))
        .contains("\"resumed_from\": \"checkpoints/epoch-0003.safetensors\"");

    ChildCli.Outcome again = cli.run("resume", out);
    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.err()).contains("completed; there is nothing to resume");
  }

  @Test
  void aDamagedNewestCheckpointIsSkippedWithAWarning() throws Exception {
    copyOfKilled("damaged");
    Path newest = dir.resolve("damaged/checkpoints/epoch-0003.safetensors");
    byte[] bytes = Files.readAllBytes(newest);
    bytes[bytes.length / 2] ^= 0x40;
    Files.write(newest, bytes);
    ChildCli.Outcome r = cli.run("resume", "damaged");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).contains("warning: epoch-0003.safetensors is damaged and skipped");
    assertThat(r.out()).contains("resumed     after epoch 2 of 6");
    assertSameAsUninterrupted("damaged");
  }

  @Test
  void aKilledRunsFolderIsRunAgainWithNoCleanUp() throws Exception {
    copyOfKilled("again");
    ChildCli.Outcome r = cli.run("run", "six.yaml", "--out", "again", "-q");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err())
        .contains("note: again held a run that was interrupted; starting it over, its 3")
        .contains("dendrite resume again");
    assertSameAsUninterrupted("again");
  }

  @Test
  void ctrlCInEpoch4ExitsWith130RecordsInterruptedAndResumesToTheSameBits() throws Exception {
    assumeTrue(ChildCli.canStartInterruptible(), "needs env --default-signal (coreutils 8.31+)");
    Process p =
        awaitEpoch3(
            cli.startInterruptible("ctrl-c", "run", "six.yaml", "--out", "ctrl-c", "-q"), "ctrl-c");
    Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).inheritIO().start();
    assertThat(kill.waitFor()).isZero();
    assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
    ChildCli.Outcome stopped = cli.outcome("ctrl-c", p.exitValue());
    assertThat(stopped.exitCode()).as("128 + SIGINT; stderr: %s", stopped.err()).isEqualTo(130);
    assertThat(stopped.err())
        .contains("interrupted: ")
        .contains("is recorded as interrupted; continue it from its last checkpoint with:")
        .doesNotContain("Exception");
    assertThat(Files.readString(dir.resolve("ctrl-c/run.json"))).contains("\"interrupted\"");
    assertThat(dir.resolve("ctrl-c/model.safetensors")).doesNotExist();
    List<Path> checkpoints;
    try (var files = Files.list(dir.resolve("ctrl-c/checkpoints"))) {
      checkpoints = files.sorted().toList();
    }
    assertThat(checkpoints)
        .as("whole checkpoints only, no temporary file left as a checkpoint")
        .allMatch(f -> f.getFileName().toString().matches("epoch-000[1-6]\\.safetensors"));

    ChildCli.Outcome r = cli.run("resume", "ctrl-c");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).doesNotContain("damaged");
    assertSameAsUninterrupted("ctrl-c");
  }

  @Test
  void aDamagedCheckpointNamedExplicitlyIsRefusedAndAWholeOneIsUsed() throws Exception {
    String out = copyOfKilled("named");
    Path newest = dir.resolve("named/checkpoints/epoch-0003.safetensors");
    byte[] bytes = Files.readAllBytes(newest);
    bytes[bytes.length / 2] ^= 0x40;
    Files.write(newest, bytes);
    byte[] runJson = Files.readAllBytes(dir.resolve("named/run.json"));

    ChildCli.Outcome refused =
        cli.run("resume", out, "--checkpoint", "named/checkpoints/epoch-0003.safetensors");
    assertThat(refused.exitCode()).as(refused.err()).isEqualTo(2);
    assertThat(refused.err())
        .contains("--checkpoint named/checkpoints/epoch-0003.safetensors is damaged; refused")
        .doesNotContain("\tat ");
    assertThat(refused.out()).doesNotContain("epoch 4/6");
    assertThat(Files.readAllBytes(dir.resolve("named/run.json"))).isEqualTo(runJson);
    assertThat(Files.readAllBytes(newest)).isEqualTo(bytes);

    ChildCli.Outcome missing = cli.run("resume", out, "--checkpoint", "nowhere.safetensors");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("--checkpoint nowhere.safetensors: no such file");

    ChildCli.Outcome r =
        cli.run("resume", out, "--checkpoint", "named/checkpoints/epoch-0002.safetensors");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("resumed     after epoch 2 of 6").contains("epoch 3/6");
    assertSameAsUninterrupted(out);
  }
}
