package io.dendrite.runner.cli;

import io.dendrite.core.experiment.Experiment;
import io.dendrite.core.tensor.ComputePool;
import io.dendrite.core.tensor.Kernels;
import io.dendrite.core.train.ExperimentTrainer;
import io.dendrite.core.train.RunPlan;
import io.dendrite.runner.config.ConfigException;
import io.dendrite.runner.plugins.InstalledPlugins;
import io.dendrite.runner.sweep.SweepLoader;
import io.dendrite.runner.sweep.SweepPlan;
import io.dendrite.runner.sweep.Trial;
import io.dendrite.runner.validate.LoadedExperiment;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code dendrite plan FILE [key.path=value ...]}: what a run would be, without training. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = {
      "Show what a run of an experiment would be, without training: the resolved experiment,"
          + " each layer's output shape and parameters, the memory of the weights, the"
          + " optimizer's state and the batch buffers, and the steps per epoch.",
      "The data is read (to know the input width); exits 2 on an invalid experiment."
    })
final class PlanCommand implements Callable<Integer> {
  private final CliEnvironment env;

  @Mixin ExperimentArguments experiment;

  @Mixin DebugOption debug;

  PlanCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    try (InstalledPlugins plugins = env.openPlugins(experiment.pluginFolders(env))) {
      LoadedExperiment loaded;
      String heading = experiment.file;
      try {
        loaded = experiment.load(env, plugins.registry());
      } catch (ConfigException e) {
        if (e.problems().stream().noneMatch(p -> p.path().equals("sweep"))) {
          throw e;
        }
        // A sweep file: its trials differ in a few values, so its first trial shows the shape.
        SweepPlan sweep =
            new SweepLoader(plugins.registry())
                .load(experiment.path(env), experiment.file, experiment.overrides);
        Trial first = sweep.trials().get(0);
        loaded = first.experiment();
        heading +=
            " (trial 1 of "
                + sweep.trials().size()
                + ": "
                + String.join(" ", first.overrides())
                + ")";
      }
      Experiment e = loaded.experiment();
      RunPlan plan;
      try (ComputePool pool = ComputePool.create(1)) {
        plan =
            new ExperimentTrainer(
                    plugins.registry(),
                    new Kernels(pool),
                    loaded.source().folder(),
                    env.cacheFolder())
                .plan(e);
      }
      print(heading, e, plan, env.out());
      env.out().flush();
      return 0;
    } catch (ConfigException e) {
      e.problems().forEach(env.err()::println);
      env.err().flush();
      return e.exitCode();
    }
  }

  static void print(String file, Experiment e, RunPlan plan, PrintWriter out) {
    out.println(file + ": " + ValidateCommand.summary(e));
    out.println();
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("layer", "type", "activation", "output shape", "parameters"));
    rows.add(List.of("input", "", "", shape(plan.batchSize(), plan.inputs()), ""));
    for (RunPlan.Layer l : plan.layers()) {
      rows.add(
          List.of(
              l.name(),
              l.type(),
              l.activation().isEmpty() ? "-" : l.activation(),
              shape(plan.batchSize(), l.outputs()),
              count(l.parameters())));
    }
    rows.add(List.of("total", "", "", "", count(plan.parameters())));
    out.print(TextTable.format(rows, "  "));
    out.println();
    out.printf(
        "examples    %s train, %s validation, %s test%n",
        count(plan.trainExamples()), count(plan.validationExamples()), count(plan.testExamples()));
    out.printf(
        "steps       %s per epoch (batch %d), at most %s in %d %s%n",
        count(plan.stepsPerEpoch()),
        plan.batchSize(),
        count((long) plan.stepsPerEpoch() * plan.epochs()),
        plan.epochs(),
        plan.epochs() == 1 ? "epoch" : "epochs");
    out.printf(
        "memory      weights %s, optimizer state %s, batch buffers about %s (float32)%n",
        bytes(plan.weightBytes()),
        bytes(plan.optimizerStateBytes()),
        bytes(plan.batchBufferBytes()));
  }

  /** A batch of rows each {@code width} wide, as PyTorch prints a shape. */
  private static String shape(int batch, int width) {
    return "(" + batch + ", " + width + ")";
  }

  /** With thousands separated by commas: 101,770. */
  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** In binary units with one decimal: 397.5 KiB. */
  static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double v = n;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }
}
