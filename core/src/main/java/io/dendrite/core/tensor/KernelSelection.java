package io.dendrite.core.tensor;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/** Picks the float32 kernels once, when first asked, and warms them up when told to. */
final class KernelSelection {
  static final FloatKernels CURRENT = select();

  /** Set once the JIT warm-up has run: it is only worth doing once per JVM. */
  private static final AtomicBoolean WARMED_UP = new AtomicBoolean();

  private KernelSelection() {}

  private static FloatKernels select() {
    String forced = System.getProperty(FloatKernels.PROPERTY);
    if (forced != null && !forced.isBlank()) {
      return named(forced);
    }
    return vectorAvailable() ? VectorHolder.kernels() : ScalarFloatKernels.INSTANCE;
  }

  static FloatKernels named(String name) {
    switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "scalar":
        return ScalarFloatKernels.INSTANCE;
      case "vector":
        if (!vectorAvailable()) {
          throw new UnsupportedOperationException(
              "vector kernels need the JVM option --add-modules jdk.incubator.vector");
        }
        return VectorHolder.kernels();
      default:
        throw new IllegalArgumentException(
            "unknown kernels '" + name + "' (expected scalar or vector)");
    }
  }

  static boolean vectorAvailable() {
    return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
  }

  static void warmUp(long maxMillis) {
    if (CURRENT != ScalarFloatKernels.INSTANCE && WARMED_UP.compareAndSet(false, true)) {
      VectorHolder.warmUp(maxMillis);
    }
  }

  /** Loaded only once the module is known to be there: a JVM without it never links the class. */
  private static final class VectorHolder {
    static FloatKernels kernels() {
      return VectorFloatKernels.INSTANCE;
    }

    static void warmUp(long maxMillis) {
      VectorFloatKernels.warmUp(maxMillis);
    }
  }
}
