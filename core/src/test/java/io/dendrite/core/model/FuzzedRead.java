package io.dendrite.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.dendrite.core.DendriteException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * One read of a fuzzed input: it must end within a time limit and a memory budget, with a result or
 * a {@link DendriteException} whose message names the file, never with another exception.
 */
final class FuzzedRead {
  /** Far above what a refusal or a small valid file needs, far below a header's false claims. */
  static final long MAX_ALLOCATED_BYTES = 64L << 20;

  /** A read of a few kilobytes takes milliseconds; a second means a loop or a huge allocation. */
  static final Duration TIME_LIMIT = Duration.ofSeconds(2);

  private FuzzedRead() {}

  /** Runs {@code read}; returns its result, or null when it refused the file properly. */
  static <T> T check(String fileName, Supplier<T> read) {
    return assertTimeoutPreemptively(
        TIME_LIMIT,
        () -> {
          var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
          long id = Thread.currentThread().getId();
          long before = threads.getThreadAllocatedBytes(id);
          T result = null;
          try {
            result = read.get();
          } catch (DendriteException e) {
            assertThat(e.getMessage()).as("the refusal names the file").contains(fileName);
          }
          assertThat(threads.getThreadAllocatedBytes(id) - before)
              .as("bytes allocated by one read")
              .isLessThan(MAX_ALLOCATED_BYTES);
          return result;
        });
  }
}
