package io.dendrite.runner.sweep;

import java.util.function.Consumer;

/**
 * Runs the trials of a sweep somewhere: in this JVM ({@link LocalSweepEngine}) or on a cluster.
 * Engines other than {@code local} are found with {@link java.util.ServiceLoader} (a {@code
 * META-INF/services/io.dendrite.runner.sweep.SweepEngine} file), so that their dependencies,
 * Spark's 290 MB among them, are only on the class path of those who install them.
 *
 * <p>An engine runs every trial through {@link TrialRunner}, so a trial gives the same bits on any
 * engine, and leaves each trial's run directory in {@link SweepJob#folder()}{@code /trial-NNN}.
 */
public interface SweepEngine {
  /** The engine's name on the command line: {@code --engine spark}. */
  String id();

  /**
   * Runs every trial of {@code job}, handing each outcome to {@code done} as it completes (from any
   * thread, one at a time). A trial that fails is an outcome with its error; an exception is for
   * the engine itself failing (no cluster).
   */
  void run(SweepJob job, Consumer<TrialOutcome> done);
}
