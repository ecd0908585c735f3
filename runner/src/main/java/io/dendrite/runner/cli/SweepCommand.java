package io.dendrite.runner.cli;

import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.core.tensor.Kernels;
import io.dendrite.runner.DendriteVersion;
import io.dendrite.runner.plugins.InstalledPlugins;
import io.dendrite.runner.sweep.LocalSweepEngine;
import io.dendrite.runner.sweep.SweepEngine;
import io.dendrite.runner.sweep.SweepEngines;
import io.dendrite.runner.sweep.SweepFolder;
import io.dendrite.runner.sweep.SweepJob;
import io.dendrite.runner.sweep.SweepLoader;
import io.dendrite.runner.sweep.SweepPlan;
import io.dendrite.runner.sweep.SweepResults;
import io.dendrite.runner.sweep.Trial;
import io.dendrite.runner.sweep.TrialOutcome;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dendrite sweep FILE}: run every trial of the file's {@code sweep:} section. */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    description = {
      "Run the trials of the sweep: section of FILE, each into its own run directory.",
      "Writes runs/<name>/sweep-<timestamp>/ (or --out DIR): trial-001/, trial-002/, ...,"
          + " and sweep.csv; prints the trials ranked by the sweep's metric."
    })
final class SweepCommand implements Callable<Integer> {
  /** Long enough for the JIT on a busy machine; usually done in half a second. */
  private static final long WARM_UP_MILLIS = 3000;

  private final CliEnvironment env;

  @Mixin ExperimentArguments experiment;

  @Option(
      names = "--engine",
      paramLabel = "ENGINE",
      defaultValue = "local",
      description = "local (this JVM, the default) or spark (needs the dendrite-spark module).")
  String engine;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description =
          "The Spark master: local[2], spark://host:7077; default: spark-submit's, or local[*].")
  String master;

  @Option(
      names = "--parallel",
      paramLabel = "N",
      defaultValue = "0",
      description = "Trials at once; default: the local engine's core count, Spark's task slots.")
  int parallel;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Write the sweep here instead of runs/<name>/sweep-<timestamp>/.")
  String out;

  @Mixin DebugOption debug;

  SweepCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    try (InstalledPlugins installed = env.openPlugins(experiment.pluginFolders(env))) {
      PluginRegistry registry = installed.registry();
      if (parallel < 0) {
        throw io.dendrite.core.DendriteException.config(
            "--parallel must be >= 0, found " + parallel);
      }
      SweepEngine sweepEngine = SweepEngines.find(engine, SweepCommand.class.getClassLoader());
      SweepPlan plan =
          new SweepLoader(registry)
              .load(env.resolve(experiment.file), experiment.file, experiment.overrides);
      Path folder =
          out != null
              ? SweepFolder.claim(env.resolve(out))
              : SweepFolder.createNew(
                  env.workingDirectory().resolve("runs"), plan.name(), env.clock());
      String shown = env.shown(folder);
      env.out()
          .printf(
              "sweep       %s  (%s, %d trials, %s engine, dendrite %s)%n",
              plan.name(), experiment.file, plan.trials().size(), engine, DendriteVersion.get());
      env.out().printf("folder      %s%n", shown);
      env.out().flush();
      if (LocalSweepEngine.ID.equals(engine)) {
        // Compiled kernels before the first step; remote engines warm up their own JVMs.
        Kernels.warmUp(WARM_UP_MILLIS);
      }
      SweepResults results = new SweepResults(plan, folder);
      sweepEngine.run(
          new SweepJob(
              plan,
              folder,
              Optional.ofNullable(master),
              parallel,
              registry,
              env.out(),
              DendriteVersion.get(),
              env.cacheFolder()),
          outcome -> {
            results.add(outcome);
            report(plan, outcome);
          });
      results.printSummary(env.out(), shown);
      boolean anyDone = results.outcomes().stream().anyMatch(TrialOutcome::succeeded);
      return anyDone ? 0 : 1;
    }
  }

  private void report(SweepPlan plan, TrialOutcome o) {
    String metric = plan.spec().metric();
    Trial trial = plan.trials().get(o.index() - 1);
    if (o.succeeded()) {
      env.out()
          .printf(
              Locale.ROOT,
              "%s   %s  %s %.4f  %.1f s%n",
              trial.folderName(),
              String.join(" ", trial.overrides()),
              metric,
              o.metric(metric),
              o.seconds());
    } else {
      env.out()
          .printf(
              "%s   %s  failed: %s%n",
              trial.folderName(), String.join(" ", trial.overrides()), o.error().orElse(""));
    }
    env.out().flush();
  }
}
