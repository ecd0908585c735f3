package io.dendrite.runner.cli;

import io.dendrite.core.DendriteException;
import io.dendrite.core.model.CheckpointFile;
import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.runner.ExperimentLoader;
import io.dendrite.runner.ExperimentRun;
import io.dendrite.runner.output.Checkpoints;
import io.dendrite.runner.output.RunDirectory;
import io.dendrite.runner.plugins.InstalledPlugins;
import io.dendrite.runner.validate.LoadedExperiment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dendrite resume RUN_DIR}: continue a stopped run from its newest valid checkpoint. */
@Command(
    name = "resume",
    mixinStandardHelpOptions = true,
    description = {
      "Continue a run that stopped (killed, interrupted, failed) from the newest valid checkpoint"
          + " in RUN_DIR/checkpoints/.",
      "It ends with the weights and metrics the run would have had without stopping, bit for bit."
    })
final class ResumeCommand implements Callable<Integer> {
  private final CliEnvironment env;

  @Parameters(index = "0", paramLabel = "RUN_DIR", description = "The run directory.")
  String runDirectory;

  @Option(
      names = {"-q", "--quiet"},
      description = "Print only the test metrics and where the results are.")
  boolean quiet;

  @Option(
      names = "--checkpoint",
      paramLabel = "FILE",
      description =
          "Continue from this checkpoint instead of the newest valid one; a damaged file is"
              + " refused, not skipped.")
  Path checkpoint;

  @Mixin DebugOption debug;

  @Mixin PluginsOption plugins;

  ResumeCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    try (InstalledPlugins installed = env.openPlugins(plugins.resolve(env))) {
      PluginRegistry registry = installed.registry();
      Path dir = env.resolve(runDirectory);
      try (RunDirectory directory = RunDirectory.forResume(dir, env.clock())) {
        Path yaml = dir.resolve(ExperimentRun.RESOLVED_YAML);
        if (!Files.isRegularFile(yaml)) {
          throw DendriteException.config(
              env.shown(dir)
                  + " has no "
                  + ExperimentRun.RESOLVED_YAML
                  + ": the run stopped before it began; run its experiment again");
        }
        LoadedExperiment loaded =
            new ExperimentLoader(registry).load(yaml, env.shown(yaml), List.of());
        Optional<Checkpoints.Found> found =
            checkpoint != null
                ? Optional.of(named(env.resolve(checkpoint.toString())))
                : new Checkpoints(directory.checkpoints())
                    .newestValid(
                        problem -> {
                          env.err().println("warning: " + problem);
                          env.err().flush();
                        });
        if (found.isEmpty()) {
          env.err()
              .println(
                  "note: "
                      + env.shown(dir)
                      + " has no valid checkpoint; training starts from the beginning");
          env.err().flush();
        } else if (!quiet) {
          env.out().println("checkpoint  " + env.shown(found.get().file()));
          env.out().flush();
        }
        RunExecution.perform(env, registry, loaded, directory, quiet, found);
      }
      return 0;
    }
  }

  /** The checkpoint the user named: when it does not read back whole it is refused, not skipped. */
  private Checkpoints.Found named(Path file) {
    if (!Files.isRegularFile(file)) {
      throw DendriteException.config(
          "--checkpoint " + env.shown(file) + ": no such file (looked for " + file + ")");
    }
    try {
      return new Checkpoints.Found(file, CheckpointFile.read(file));
    } catch (DendriteException e) {
      throw DendriteException.config(
          "--checkpoint "
              + env.shown(file)
              + " is damaged; refused, nothing was changed: "
              + e.getMessage()
              + " (without --checkpoint, resume takes the newest checkpoint that is whole)");
    }
  }
}
