package io.dendrite.runner.output;

import io.dendrite.core.experiment.Experiment;
import io.dendrite.core.model.CheckpointFile;
import io.dendrite.core.train.EpochResult;
import io.dendrite.core.train.TrainingContext;
import io.dendrite.core.train.TrainingListener;
import io.dendrite.core.train.TrainingPlan;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes the checkpoints {@code training.checkpoint} asks for: every {@code every} epochs and when
 * training ends, into the run's {@code checkpoints/} folder, keeping the newest {@code keep}.
 *
 * <p>Each is written whole or not at all, and older ones are deleted only once the new one is on
 * disk, so a crash at any moment leaves at least the checkpoints that were there before.
 */
public final class CheckpointWriter implements TrainingListener {
  private final Checkpoints folder;
  private final int every;
  private final int keep;
  private final Map<String, String> metadata = new LinkedHashMap<>();
  private int epochs;

  /**
   * @param every epochs between checkpoints; 0 for only the last
   * @param keep how many to keep, at least 1
   */
  public CheckpointWriter(Path folder, int every, int keep, Map<String, String> metadata) {
    this.folder = new Checkpoints(folder);
    this.every = every;
    this.keep = keep;
    this.metadata.putAll(metadata);
  }

  @Inject
  CheckpointWriter(RunSettings settings, Experiment experiment) {
    this(
        settings.directory().resolve(RunDirectory.CHECKPOINTS),
        experiment.training().checkpointEvery(),
        experiment.training().checkpointKeep(),
        Map.of(
            "dendrite.version", settings.version(), "dendrite.experiment_name", experiment.name()));
  }

  @Override
  public void onStart(TrainingContext context, TrainingPlan plan) {
    epochs = plan.epochs();
  }

  @Override
  public void onResume(TrainingContext context, List<EpochResult> done) {
    // Nothing to write: the checkpoint resumed from is on disk already.
  }

  @Override
  public void onEpoch(TrainingContext context, EpochResult result) {
    if (!context.checkpointable()) {
      return;
    }
    boolean last = result.epoch() >= epochs || context.stopRequested();
    if (last || every > 0 && result.epoch() % every == 0) {
      CheckpointFile.write(folder.fileFor(result.epoch()), context.checkpoint(), metadata);
      folder.keepNewest(keep);
    }
  }
}
