package io.dendrite.core.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The default thread count: a valid {@code dendrite.threads}, else the cores, at most 4. */
class DefaultThreadsTests {
  private final String before = System.getProperty(ComputePool.THREADS_PROPERTY);

  @AfterEach
  void restoreTheProperty() {
    if (before == null) {
      System.clearProperty(ComputePool.THREADS_PROPERTY);
    } else {
      System.setProperty(ComputePool.THREADS_PROPERTY, before);
    }
  }

  private static int with(String value) {
    if (value == null) {
      System.clearProperty(ComputePool.THREADS_PROPERTY);
    } else {
      System.setProperty(ComputePool.THREADS_PROPERTY, value);
    }
    return ComputePool.defaultThreads();
  }

  @Test
  void aValidPropertyWinsAndAnythingElseGivesTheCoresUpToFour() {
    int hardware = Math.min(Runtime.getRuntime().availableProcessors(), 4);
    assertThat(with(null)).isEqualTo(hardware);
    assertThat(with("1")).isEqualTo(1);
    assertThat(with("7")).as("more than 4 when asked").isEqualTo(7);
    assertThat(with(" 3 ")).isEqualTo(3);
    for (String bad : new String[] {"", "  ", "0", "-2", "two", "1.5"}) {
      assertThat(with(bad)).as("'%s'", bad).isEqualTo(hardware);
    }
  }
}
