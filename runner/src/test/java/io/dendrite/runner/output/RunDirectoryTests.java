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
    assertThat(dir.resolve("runs/mnist/20261128-203015/.lock")).doesNotExist();
  }

  @Test
  void theSecondOfTwoRunsOnOneFolderRefuses() {
    Path out = dir.resolve("out");
    try (RunDirectory first = RunDirectory.claim(out)) {
      assertThat(first.path().resolve(".lock")).exists();
      assertThatThrownBy(() -> RunDirectory.claim(out))
          .isInstanceOf(DendriteException.class)
          .hasMessageContaining("another run is writing to " + out)
          .satisfies(e -> assertThat(((DendriteException) e).exitCode()).isEqualTo(2));
    }
    try (RunDirectory again = RunDirectory.claim(out)) {
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
                  won.add(RunDirectory.claim(out));
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
  void aFolderWithResultsIsNotReused() throws Exception {
    Path out = Files.createDirectories(dir.resolve("done"));
    Files.writeString(out.resolve("metrics.json"), "{}");
    assertThatThrownBy(() -> RunDirectory.claim(out))
        .hasMessage(
            "--out "
                + out
                + " already holds the results of a run (metrics.json); choose another folder or delete it");
    Path file = Files.writeString(dir.resolve("file"), "x");
    assertThatThrownBy(() -> RunDirectory.claim(file)).hasMessageContaining("is a file");
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
