package io.dendrite.core.tensor;

import java.lang.management.ManagementFactory;

/** Bytes allocated by the current thread, where the JVM can count them. */
final class AllocationCounter {
  private final com.sun.management.ThreadMXBean bean;
  private final long threadId;

  private AllocationCounter(com.sun.management.ThreadMXBean bean, long threadId) {
    this.bean = bean;
    this.threadId = threadId;
  }

  /** A counter for the calling thread; see {@link #counts()}. */
  @SuppressWarnings("deprecation") // Thread.threadId() is Java 19+, and the build targets 17.
  static AllocationCounter forCurrentThread() {
    try {
      java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      if (threads instanceof com.sun.management.ThreadMXBean) {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) threads;
        if (bean.isThreadAllocatedMemorySupported() && bean.isThreadAllocatedMemoryEnabled()) {
          return new AllocationCounter(bean, Thread.currentThread().getId());
        }
      }
    } catch (LinkageError | RuntimeException e) {
      // No java.management or jdk.management module: go without counting.
    }
    return new AllocationCounter(null, -1);
  }

  /** False when this JVM cannot count allocations: {@link #allocated()} then always reads 0. */
  boolean counts() {
    return bean != null;
  }

  /** Bytes the thread has allocated so far. */
  long allocated() {
    return bean == null ? 0 : bean.getThreadAllocatedBytes(threadId);
  }
}
