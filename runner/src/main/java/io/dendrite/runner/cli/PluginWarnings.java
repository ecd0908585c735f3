package io.dendrite.runner.cli;

import io.dendrite.core.plugin.PluginProblem;
import io.dendrite.core.plugin.PluginRegistry;
import java.io.PrintWriter;

/**
 * Every plugin problem once, on stderr, as {@code plugin problem: JAR: reason}, so that a broken
 * jar is noticed even by a command that does not use it.
 */
final class PluginWarnings {
  static final String PREFIX = "plugin problem: ";

  private PluginWarnings() {}

  /** Prints every problem of {@code registry}. */
  static void print(PluginRegistry registry, PrintWriter err) {
    printExcept(registry, "", err);
  }

  /**
   * Prints the problems that {@code shown}, an error about to be printed, does not already hold in
   * full (an unknown id's message notes the plugins that failed to load).
   */
  static void printExcept(PluginRegistry registry, String shown, PrintWriter err) {
    for (PluginProblem p : registry.problems()) {
      if (!shown.contains(p.toString())) {
        err.println(PREFIX + p);
      }
    }
    err.flush();
  }
}
