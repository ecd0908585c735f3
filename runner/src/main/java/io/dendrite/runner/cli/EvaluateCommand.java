package io.dendrite.runner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dendrite.core.DendriteException;
import io.dendrite.core.data.Examples;
import io.dendrite.core.experiment.Experiment;
import io.dendrite.core.model.Model;
import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.core.tensor.ComputePool;
import io.dendrite.core.tensor.Kernels;
import io.dendrite.core.train.Evaluation;
import io.dendrite.core.train.ExperimentTrainer;
import io.dendrite.runner.ExperimentLoader;
import io.dendrite.runner.output.ConsoleReporter;
import io.dendrite.runner.output.JsonWriter;
import io.dendrite.runner.output.MetricsWriter;
import io.dendrite.runner.plugins.InstalledPlugins;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dendrite evaluate MODEL [--data FILE] [--json]}: a saved model's test metrics again. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Compute a trained model's loss and metrics on its run's test set, or on the test set of"
          + " the experiment in --data.",
      "On its own test set it gives exactly the numbers its run reported."
    })
final class EvaluateCommand implements Callable<Integer> {
  private final CliEnvironment env;

  @Mixin ModelArguments model;

  @Mixin PluginsOption plugins;

  @Option(
      names = "--data",
      paramLabel = "FILE",
      description =
          "An experiment file whose test set (data.test or data.test_split) to evaluate on; the"
              + " model's own preprocessing is applied to it.")
  String data;

  @Option(names = "--json", description = "Print the result as JSON, at full precision.")
  boolean json;

  @Mixin DebugOption debug;

  EvaluateCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    try (InstalledPlugins installed = env.openPlugins(plugins.resolve(env))) {
      PluginRegistry registry = installed.registry();
      Path file = model.file(env);
      Model loaded = model.load(env, registry);
      Experiment experiment = loaded.experiment();
      Path folder = file.toAbsolutePath().getParent();
      String described = "the run's test set";
      if (data != null) {
        Experiment other =
            new ExperimentLoader(registry).load(env.resolve(data), data, List.of()).experiment();
        experiment = experiment.withDataOf(other);
        folder = env.resolve(data).getParent();
        described = "the test set of " + data;
      }
      Evaluation result;
      try (ComputePool pool = ComputePool.create(experiment.training().effectiveThreads())) {
        Kernels kernels = new Kernels(pool);
        ExperimentTrainer trainer =
            new ExperimentTrainer(registry, kernels, folder, env.cacheFolder());
        Examples test =
            trainer
                .prepareData(experiment)
                .test()
                .orElseThrow(
                    () ->
                        DendriteException.config(
                            data == null
                                ? "the model's experiment has no test set; give one with --data"
                                    + " FILE (an experiment file with data.test)"
                                : data + " has no test set (data.test or data.test_split)"));
        result = trainer.evaluate(experiment, loaded.network(kernels), test);
      }
      Map<String, Object> reported = runReported(loaded);
      boolean same = data == null && !reported.isEmpty() && matches(result, reported);
      if (json) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", env.shown(file));
        out.put("data", data == null ? "test" : data);
        out.put("examples", result.examples());
        out.put("test", MetricsWriter.evaluation(result, loaded.classNames()));
        if (data == null && !reported.isEmpty()) {
          out.put("same_as_run", same);
        }
        env.out().println(JsonWriter.write(out));
      } else {
        env.out().printf("model       %s  (%s)%n", env.shown(file), experiment.name());
        env.out().printf("data        %d examples: %s%n", result.examples(), described);
        env.out().println(ConsoleReporter.line("test", result));
        if (data == null && !reported.isEmpty()) {
          env.out()
              .println(
                  same
                      ? "            the same as its run reported, bit for bit"
                      : "            differs from what its run reported: " + reported);
        }
      }
      env.out().flush();
      return 0;
    }
  }

  /** The test loss and metrics the run recorded in the model's metadata, if it had a test set. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> runReported(Model model) {
    String text = model.metadata().get("dendrite.test");
    if (text == null) {
      return Map.of();
    }
    try {
      return new ObjectMapper().readValue(text, Map.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return Map.of();
    }
  }

  private static boolean matches(Evaluation result, Map<String, Object> reported) {
    if (!Objects.equals(number(reported.get("loss")), result.loss())) {
      return false;
    }
    for (var m : result.metrics().entrySet()) {
      if (!Objects.equals(number(reported.get(m.getKey())), m.getValue().value())) {
        return false;
      }
    }
    return true;
  }

  private static Double number(Object v) {
    return v instanceof Number n ? n.doubleValue() : null;
  }
}
