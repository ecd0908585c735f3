package io.dendrite.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.dendrite.core.DendriteException;
import io.dendrite.core.data.Examples;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.function.Supplier;
import net.jqwik.api.statistics.Statistics;

/**
 * One load of fuzzed files: it must end within a time limit and a memory budget, with examples or a
 * {@link DendriteException} whose message names a file, never with another exception.
 */
final class FuzzedLoad {
  /** Far above what a refusal or a small valid file needs, far below a header's false claims. */
  static final long MAX_ALLOCATED_BYTES = 64L << 20;

  /** A load of a few kilobytes takes milliseconds; seconds mean a loop or a huge allocation. */
  static final Duration TIME_LIMIT = Duration.ofSeconds(2);

  private FuzzedLoad() {}

  /** Runs {@code load}; the refusal, if any, names one of {@code fileNames}. */
  static void check(Supplier<Examples> load, String... fileNames) {
    String outcome =
        assertTimeoutPreemptively(
            TIME_LIMIT,
            () -> {
              var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
              long id = Thread.currentThread().getId();
              long before = threads.getThreadAllocatedBytes(id);
              String result;
              try {
                Examples examples = load.get();
                assertThat(examples.size()).as("examples loaded").isPositive();
                result = "loaded";
              } catch (DendriteException e) {
                result = "refused";
                assertThat(e.getMessage())
                    .as("the refusal names the file")
                    .containsAnyOf(fileNames);
              }
              assertThat(threads.getThreadAllocatedBytes(id) - before)
                  .as("bytes allocated by one load")
                  .isLessThan(MAX_ALLOCATED_BYTES);
              return result;
            });
    // Shows in the report how many inputs got past the checks, so the fuzzing is seen to reach in.
    Statistics.label("outcome").collect(outcome);
  }
}
