package io.dendrite.runner.sweep;

import io.dendrite.core.DendriteException;
import io.dendrite.runner.output.AtomicFileWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The outcomes of a sweep's trials as they come in: {@code sweep.csv}, rewritten after every trial
 * so that it always holds every finished one, and the ranked summary printed at the end.
 */
public final class SweepResults {
  /** The table of every trial, in the sweep's folder. */
  public static final String CSV = "sweep.csv";

  private final SweepPlan plan;
  private final Path file;
  private final Map<Integer, TrialOutcome> outcomes = new TreeMap<>();

  public SweepResults(SweepPlan plan, Path folder) {
    this.plan = plan;
    this.file = folder.resolve(CSV);
  }

  /** Records {@code outcome} and rewrites the table. */
  public synchronized void add(TrialOutcome outcome) {
    outcomes.put(outcome.index(), outcome);
    try {
      AtomicFileWriter.write(file, csv());
    } catch (IOException e) {
      throw new DendriteException(
          DendriteException.Kind.RUNTIME, "cannot write " + file + ": " + e, e);
    }
  }

  /** The outcomes so far, by trial index. */
  public synchronized List<TrialOutcome> outcomes() {
    return List.copyOf(outcomes.values());
  }

  /** The trials that succeeded, best first by the sweep's metric; unmeasured ones last. */
  public synchronized List<TrialOutcome> ranked() {
    String metric = plan.spec().metric();
    Comparator<TrialOutcome> byMetric =
        Comparator.comparingDouble(
            o -> {
              double v = o.metric(metric);
              return Double.isNaN(v) ? Double.POSITIVE_INFINITY : plan.maximize() ? -v : v;
            });
    return outcomes.values().stream()
        .filter(TrialOutcome::succeeded)
        .sorted(byMetric.thenComparingInt(TrialOutcome::index))
        .toList();
  }

  /** The table: a row per trial, its values, status, measurements, epochs, seconds and error. */
  synchronized String csv() {
    List<String> metrics = metricNames();
    StringBuilder s = new StringBuilder("trial");
    plan.parameterNames().forEach(p -> s.append(',').append(quote(p)));
    s.append(",status");
    metrics.forEach(m -> s.append(',').append(m));
    s.append(",epochs,seconds,error\n");
    for (TrialOutcome o : outcomes.values()) {
      Trial trial = plan.trials().get(o.index() - 1);
      s.append(o.index());
      for (String p : plan.parameterNames()) {
        s.append(',').append(quote(trial.values().get(p)));
      }
      s.append(',').append(o.succeeded() ? "ok" : "failed");
      for (String m : metrics) {
        double v = o.metric(m);
        s.append(',').append(Double.isNaN(v) ? "" : Double.toString(v));
      }
      s.append(',').append(o.epochs());
      s.append(',').append(String.format(Locale.ROOT, "%.3f", o.seconds()));
      s.append(',').append(quote(o.error().orElse("")));
      s.append('\n');
    }
    return s.toString();
  }

  private List<String> metricNames() {
    Set<String> names = new LinkedHashSet<>();
    outcomes.values().forEach(o -> names.addAll(o.metrics().keySet()));
    return new ArrayList<>(names);
  }

  /** Prints the trials best first, the failed ones after them with their errors. */
  public synchronized void printSummary(PrintWriter out, String folderShown) {
    String metric = plan.spec().metric();
    List<TrialOutcome> ranked = ranked();
    long failed = outcomes.values().stream().filter(o -> !o.succeeded()).count();
    out.printf(
        Locale.ROOT,
        "sweep       %s  (%d trials: %d done, %d failed; ranked by %s, %s is better)%n",
        folderShown,
        outcomes.size(),
        outcomes.size() - failed,
        failed,
        metric,
        plan.maximize() ? "higher" : "lower");
    List<String> header = new ArrayList<>(List.of("rank", "trial"));
    header.addAll(plan.parameterNames());
    header.add(metric);
    header.add("seconds");
    List<List<String>> rows = new ArrayList<>();
    int rank = 1;
    for (TrialOutcome o : ranked) {
      List<String> row =
          new ArrayList<>(List.of(Integer.toString(rank++), Trial.folderName(o.index())));
      Trial trial = plan.trials().get(o.index() - 1);
      plan.parameterNames().forEach(p -> row.add(trial.values().get(p)));
      double v = o.metric(metric);
      row.add(Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v));
      row.add(String.format(Locale.ROOT, "%.1f", o.seconds()));
      rows.add(row);
    }
    int[] widths = new int[header.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = header.get(i).length();
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    out.println(line(header, widths));
    rows.forEach(r -> out.println(line(r, widths)));
    for (TrialOutcome o : outcomes.values()) {
      if (!o.succeeded()) {
        out.printf("failed      %s: %s%n", Trial.folderName(o.index()), o.error().orElse(""));
      }
    }
    if (!ranked.isEmpty()) {
      out.printf("best        %s/%s%n", folderShown, Trial.folderName(ranked.get(0).index()));
    }
    out.flush();
  }

  private static String line(List<String> cells, int[] widths) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      String c = cells.get(i);
      s.append(c).append(" ".repeat(Math.max(0, widths[i] - c.length()))).append("  ");
    }
    return s.toString().stripTrailing();
  }

  private static String quote(String value) {
    if (value == null) {
      return "";
    }
    if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }
}
