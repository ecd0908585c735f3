package io.dendrite.core.tensor;

import java.util.Locale;

/** Picks the float32 kernels once, when first asked. */
final class KernelSelection {
  static final FloatKernels CURRENT = select();

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

  /** Loaded only once the module is known to be there: a JVM without it never links the class. */
  private static final class VectorHolder {
    /** Long enough for C2 on a busy machine; typically done in half a second. */
    private static final long WARM_UP_MILLIS = 3000;

    private static final FloatKernels KERNELS = VectorFloatKernels.warmedUp(WARM_UP_MILLIS);

    static FloatKernels kernels() {
      return KERNELS;
    }
  }
}
