package io.dendrite.runner.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dendrite.core.DendriteException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryTests {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-28T20:30:15Z"), ZoneOffset.UTC);
  @TempDir Path dir;

  @Test
  void newRunsGetATimestampAndASuffixWhenTheSecondIsTaken() {
    try (RunDirectory a = RunDirectory.createNew(dir.resolve("runs"), "mnist", CLOCK);
        RunDirectory b = RunDirectory.createNew(dir.resolve("runs"), "mnist", CLOCK)) {
      assertThat(a.path()).isEqualTo(dir.resolve("runs/mnist/20261128-203015"));
      assertThat(b.path()).isEqualTo(dir.resolve("runs/mnist/20261128-203015-2"));
      assertThat(a.path().resolve(".lock")).exists();
    }
    // The lock file stays; the lock itself went with close(), so the folder can be taken again.
    try (RunDirectory again =
        RunDirectory.forResume(dir.resolve("runs/mnist/20261128-203015"), CLOCK)) {
      throw new AssertionError("a folder without run.json is no run to resume");
    } catch (DendriteException e) {
      assertThat(e.getMessage()).contains("is not a run directory");
    }
  }

  @Test
  void theSecondOfTwoRunsOnOneFolderRefuses() {
    Path out = dir.resolve("out");
    try (RunDirectory first = RunDirectory.claim(out, CLOCK)) {
      assertThat(first.path().resolve(".lock")).exists();
      assertThatThrownBy(() -> RunDirectory.claim(out, CLOCK))
          .isInstanceOf(DendriteException.class)
          .hasMessageContaining(
              "another run (process " + ProcessHandle.current().pid() + ") is writing to " + out)
          .satisfies(e -> assertThat(((DendriteException) e).exitCode()).isEqualTo(2));
    }
    try (RunDirectory again = RunDirectory.claim(out, CLOCK)) {
      assertThat(again.path()).isEqualTo(out);
    }
  }

  @Test
  void concurrentClaimsLetExactlyOneThrough() throws Exception {
    Path out = dir.resolve("race");
    int n = 8;
    CountDownLatch start = new CountDownLatch(1);
    ConcurrentLinkedQueue<RunDirectory> won = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Throwable> lost = new ConcurrentLinkedQueue<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Thread t =
          new Thread(
              () -> {
                try {
                  start.await();
                  won.add(RunDirectory.claim(out, CLOCK));
                } catch (DendriteException e) {
                  lost.add(e);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      t.start();
      threads.add(t);
    }
    start.countDown();
    for (Thread t : threads) {
      t.join();
    }
    assertThat(won).hasSize(1);
    assertThat(lost).hasSize(n - 1);
    won.forEach(RunDirectory::close);
  }

  @Test
  void theStatusGoesFromRunningToCompletedOrFailed() {
    Path out = dir.resolve("status");
    try (RunDirectory run = RunDirectory.claim(out, CLOCK)) {
      assertThat(run.previous()).isEmpty();
      run.started("mnist", "1.0", java.util.Optional.empty());
      assertThat(RunRecord.readFrom(out).orElseThrow().status())
          .isEqualTo(RunRecord.Status.RUNNING);
      run.failed("the data is bad");
    }
    RunRecord failed = RunRecord.readFrom(out).orElseThrow();
    assertThat(failed.status()).isEqualTo(RunRecord.Status.FAILED);
    assertThat(failed.error()).contains("the data is bad");
    try (RunDirectory again = RunDirectory.claim(out, CLOCK)) {
      assertThat(again.previous().orElseThrow().status()).isEqualTo(RunRecord.Status.FAILED);
      again.started("mnist", "1.0", java.util.Optional.empty());
      again.completed();
    }
    assertThat(RunRecord.readFrom(out).orElseThrow().status())
        .isEqualTo(RunRecord.Status.COMPLETED);
    assertThatThrownBy(() -> RunDirectory.claim(out, CLOCK))
        .hasMessageContaining("already holds the results of a completed run");
    assertThatThrownBy(() -> RunDirectory.forResume(out, CLOCK))
        .hasMessageContaining("completed; there is nothing to resume");
  }

  @Test
  void aRunningRecordInAnUnlockedFolderWasLeftByADeadProcess() {
    Path out = dir.resolve("dead");
    try (RunDirectory run = RunDirectory.claim(out, CLOCK)) {
      run.started("mnist", "1.0", java.util.Optional.empty());
    }
    // close() without completed(): as if the process had died with the record saying running.
    try (RunDirectory resumed = RunDirectory.forResume(out, CLOCK)) {
      assertThat(resumed.previous().orElseThrow().status()).isEqualTo(RunRecord.Status.INTERRUPTED);
    }
  }

  @Test
  void aFolderWithResultsIsNotReused() throws Exception {
    Path out = Files.createDirectories(dir.resolve("done"));
    Files.writeString(out.resolve("metrics.json"), "{}");
    assertThatThrownBy(() -> RunDirectory.claim(out, CLOCK))
        .hasMessage(
            "--out "
                + out
                + " already holds the results of a completed run; choose another folder or delete"
                + " it");
    Path file = Files.writeString(dir.resolve("file"), "x");
    assertThatThrownBy(() -> RunDirectory.claim(file, CLOCK)).hasMessageContaining("is a file");
  }

  @Test
  void atomicWritesReplaceWholeFilesAndLeaveNoTemporaries() throws Exception {
    Path target = dir.resolve("a.txt");
    AtomicFileWriter.write(target, "first");
    AtomicFileWriter.write(target, "second");
    assertThat(Files.readString(target)).isEqualTo("second");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(target);
    }
  }
}
