package io.dendrite.runner.validate;

import io.dendrite.core.experiment.Experiment;
import io.dendrite.runner.config.ConfigProblem;

/**
 * A validated experiment, with where it came from and where each of its fields was written.
 *
 * @param experiment every default filled in
 */
public record LoadedExperiment(
    Experiment experiment, ExperimentSource source, ConfigPositions positions) {
  /** A problem about {@code path}, found after validation, pointing at where it was written. */
  public ConfigProblem problemAt(String path, String message) {
    return new ConfigProblem(positions.locate(path), path, message);
  }
}
