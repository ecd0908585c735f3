package io.dendrite.runner.cli;

import io.dendrite.core.DendriteException;
import io.dendrite.runner.history.RunSummary;
import io.dendrite.runner.report.ComparisonPage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dendrite compare RUN_DIR...}: runs side by side, with only the settings that differ. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Compare runs side by side: status, epochs, training time, the last epoch's and the test's"
          + " loss and metrics, and only the settings that differ between their resolved"
          + " experiments (as override paths, e.g. optimizer.learning_rate)."
    })
final class CompareCommand implements Callable<Integer> {
  private final CliEnvironment env;

  @Parameters(arity = "2..*", paramLabel = "RUN_DIR", description = "Run directories, two or more.")
  List<String> runs = new ArrayList<>();

  @Option(
      names = "--html",
      paramLabel = "FILE",
      description =
          "Also write one self-contained page with the table and the runs' curves overlaid.")
  String html;

  @Mixin DebugOption debug;

  CompareCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    List<RunSummary> summaries = new ArrayList<>();
    for (String run : runs) {
      summaries.add(RunSummary.read(env.resolve(run)));
    }
    List<List<String>> rows = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("run"));
    runs.forEach(header::add);
    rows.add(header);
    rows.add(row("experiment", summaries, RunSummary::experiment));
    rows.add(row("status", summaries, s -> s.status().id()));
    rows.add(row("epochs", summaries, s -> Integer.toString(s.epochs())));
    rows.add(row("time", summaries, s -> RunsCommand.duration(s.seconds())));
    Set<String> lastKeys = new LinkedHashSet<>();
    summaries.forEach(s -> lastKeys.addAll(s.lastEpoch().keySet()));
    for (String key : lastKeys) {
      rows.add(row("last epoch " + key, summaries, s -> number(s.lastEpoch().get(key))));
    }
    Set<String> testKeys = new LinkedHashSet<>();
    summaries.forEach(s -> testKeys.addAll(s.test().keySet()));
    for (String key : testKeys) {
      rows.add(row("test " + key, summaries, s -> number(s.test().get(key))));
    }
    StringBuilder text = new StringBuilder(TextTable.format(rows, ""));
    Set<String> paths = new LinkedHashSet<>();
    summaries.forEach(s -> paths.addAll(s.settings().keySet()));
    List<List<String>> differing = new ArrayList<>();
    for (String path : paths) {
      List<String> values =
          summaries.stream().map(s -> s.settings().getOrDefault(path, "-")).toList();
      if (values.stream().distinct().count() > 1) {
        List<String> row = new ArrayList<>(List.of(path));
        row.addAll(values);
        differing.add(row);
      }
    }
    text.append('\n');
    if (differing.isEmpty()) {
      text.append("settings: the same in every run\n");
    } else {
      text.append(
              differing.size() == 1
                  ? "1 setting differs:\n"
                  : differing.size() + " settings differ:\n")
          .append(TextTable.format(differing, "  "));
    }
    env.out().print(text);
    if (html != null) {
      Path file = env.resolve(html);
      try {
        Files.writeString(file, ComparisonPage.html(runs, summaries, text.toString()));
      } catch (IOException e) {
        throw DendriteException.data("cannot write " + file + ": " + e.getMessage(), e);
      }
      env.out().println();
      env.out().println("page        " + html);
    }
    env.out().flush();
    return 0;
  }

  private static List<String> row(
      String label, List<RunSummary> summaries, java.util.function.Function<RunSummary, String> f) {
    List<String> row = new ArrayList<>(List.of(label));
    summaries.forEach(s -> row.add(Objects.requireNonNullElse(f.apply(s), "-")));
    return row;
  }

  private static String number(Double v) {
    return v == null ? "-" : String.format(Locale.ROOT, "%.4f", v);
  }
}
