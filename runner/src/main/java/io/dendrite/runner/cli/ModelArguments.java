package io.dendrite.runner.cli;

import io.dendrite.core.model.Model;
import io.dendrite.core.plugin.PluginRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Parameters;

/** The model file, as the commands that use a trained model take it. */
final class ModelArguments {
  @Parameters(
      index = "0",
      paramLabel = "MODEL",
      description = "A model file (a run's model.safetensors) or a run directory holding one.")
  String model;

  /** The model file named, or the one in the run directory named. */
  Path file(CliEnvironment env) {
    Path path = env.resolve(model);
    return Files.isDirectory(path) ? path.resolve("model.safetensors") : path;
  }

  /** The model, checked like any untrusted file, built from the installed plugins. */
  Model load(CliEnvironment env, PluginRegistry registry) {
    return Model.load(file(env), registry);
  }
}
