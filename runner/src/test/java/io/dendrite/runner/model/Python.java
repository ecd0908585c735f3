package io.dendrite.runner.model;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A Python with PyTorch and safetensors for the tests that compare with them, or a skip. */
final class Python {
  private static Path found;
  private static String missing;

  private Python() {}

  /**
   * {@code $DENDRITE_PYTHON}, else {@code python3} on the path, if it imports torch and
   * safetensors; otherwise the calling test is skipped with a message saying how to enable it.
   */
  static synchronized Path withTorch() throws Exception {
    if (found == null && missing == null) {
      String env = System.getenv("DENDRITE_PYTHON");
      String candidate = env != null && !env.isBlank() ? env : "python3";
      try {
        Process p =
            new ProcessBuilder(candidate, "-c", "import torch, safetensors")
                .redirectErrorStream(true)
                .start();
        p.getInputStream().readAllBytes();
        if (p.waitFor(2, TimeUnit.MINUTES) && p.exitValue() == 0) {
          found = Path.of(candidate);
        } else {
          missing = candidate + " cannot import torch and safetensors";
        }
      } catch (java.io.IOException e) {
        missing = "no " + candidate + " (" + e.getMessage() + ")";
      }
    }
    assumeTrue(
        found != null,
        () ->
            "skipped: "
                + missing
                + "; set DENDRITE_PYTHON to a Python with them (pip install torch safetensors)");
    return found;
  }

  /** The repository's root: the runner module's parent. */
  static Path repository() {
    Path here = Path.of("").toAbsolutePath();
    return Files.exists(here.resolve("README.md")) && Files.isDirectory(here.resolve("runner"))
        ? here
        : here.getParent();
  }
}
