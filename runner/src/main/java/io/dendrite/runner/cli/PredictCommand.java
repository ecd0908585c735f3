package io.dendrite.runner.cli;

import io.dendrite.core.data.Features;
import io.dendrite.core.model.Model;
import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.runner.output.JsonWriter;
import io.dendrite.runner.plugins.InstalledPlugins;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dendrite predict MODEL INPUT... [--top K] [--json]}: a trained model on new inputs. */
@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    description = {
      "Apply a trained model to new inputs: images (PNG, JPEG) and IDX files for image models,"
          + " CSV rows for table models.",
      "Inputs are read as the model's training data was (resized, inverted, the fitted"
          + " preprocessing applied); prints the most probable classes with their probabilities."
    })
final class PredictCommand implements Callable<Integer> {
  private final CliEnvironment env;

  @Mixin ModelArguments model;

  @Mixin PluginsOption plugins;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "INPUT", description = "Input files.")
  List<String> inputs = new ArrayList<>();

  @Option(
      names = "--top",
      paramLabel = "K",
      defaultValue = "3",
      description = "How many classes to show per input (default ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--json", description = "Print the predictions as JSON, at full precision.")
  boolean json;

  @Mixin DebugOption debug;

  PredictCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    try (InstalledPlugins installed = env.openPlugins(plugins.resolve(env))) {
      PluginRegistry registry = installed.registry();
      if (top < 1) {
        throw io.dendrite.core.DendriteException.config("--top must be at least 1, not " + top);
      }
      Path file = model.file(env);
      Model loaded = model.load(env, registry);
      PredictionInputs reader =
          new PredictionInputs(
              loaded, registry, file.toAbsolutePath().getParent(), env.cacheFolder());
      List<Object> all = new ArrayList<>();
      for (String input : inputs) {
        Features features = reader.read(env.resolve(input), input);
        float[][] outputs = loaded.predict(features);
        for (int i = 0; i < outputs.length; i++) {
          String name = outputs.length == 1 ? input : input + "[" + i + "]";
          if (json) {
            all.add(asJson(name, outputs[i], loaded));
          } else {
            env.out().println(line(name, outputs[i], loaded));
          }
        }
      }
      if (json) {
        env.out().println(JsonWriter.write(all));
      }
      env.out().flush();
      return 0;
    }
  }

  private List<Integer> ranked(float[] out) {
    return IntStream.range(0, out.length)
        .boxed()
        .sorted(Comparator.comparingDouble((Integer i) -> -out[i]).thenComparingInt(i -> i))
        .limit(top)
        .toList();
  }

  private String line(String name, float[] out, Model m) {
    StringBuilder s = new StringBuilder(name);
    if (m.classNames().isEmpty()) {
      for (float v : out) {
        s.append(String.format(Locale.ROOT, "  %.6g", v));
      }
      return s.toString();
    }
    for (int i : ranked(out)) {
      s.append(String.format(Locale.ROOT, "  %s %.4f", m.classNames().get(i), out[i]));
    }
    return s.toString();
  }

  private Map<String, Object> asJson(String name, float[] out, Model m) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("input", name);
    if (m.classNames().isEmpty()) {
      List<Double> values = new ArrayList<>();
      for (float v : out) {
        values.add((double) v);
      }
      p.put("outputs", values);
      return p;
    }
    List<Object> classes = new ArrayList<>();
    for (int i : ranked(out)) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("class", m.classNames().get(i));
      c.put("probability", (double) out[i]);
      classes.add(c);
    }
    p.put("top", classes);
    return p;
  }
}
