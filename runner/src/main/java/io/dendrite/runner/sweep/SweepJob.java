package io.dendrite.runner.sweep;

import io.dendrite.core.plugin.PluginRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A sweep handed to an engine.
 *
 * @param folder the sweep's folder: trial {@code i} goes in {@code folder/trial-00i}
 * @param master the cluster to run on ({@code --master}), for engines that take one
 * @param parallel trials at once; 0 lets the engine choose from the cores it has
 * @param out where the engine says what it does (one line per event at most)
 * @param version the Dendrite version, recorded in each trial's files
 * @param cacheFolder where downloaded data sets are kept
 */
public record SweepJob(
    SweepPlan plan,
    Path folder,
    Optional<String> master,
    int parallel,
    PluginRegistry registry,
    PrintWriter out,
    String version,
    Path cacheFolder) {
  /** The runner of this job's trials on this machine. */
  public TrialRunner trialRunner() {
    return new TrialRunner(registry, version, cacheFolder);
  }
}
