package io.dendrite.core.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AllocationCounterTests {
  static volatile Object sink;

  @Test
  void countsTheBytesThisThreadAllocates() {
    AllocationCounter counter = AllocationCounter.forCurrentThread();
    // HotSpot, which the build runs on, counts allocations per thread.
    assertThat(counter.counts()).isTrue();
    long before = counter.allocated();
    sink = new byte[1 << 20];
    assertThat(counter.allocated() - before).isGreaterThanOrEqualTo(1 << 20);
  }
}
