package io.dendrite.runner.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Parameters;

/** The experiment file and its overrides, as every command that reads one takes them. */
final class ExperimentArguments {
  @Parameters(index = "0", paramLabel = "FILE", description = "The experiment file (YAML).")
  String file;

  @Parameters(
      index = "1..*",
      paramLabel = "key.path=value",
      description = "Values that replace or add to the file's, e.g. training.epochs=5.")
  List<String> overrides = new ArrayList<>();
}
