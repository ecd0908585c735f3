package io.dendrite.runner.output;

import io.dendrite.core.experiment.Experiment;
import io.dendrite.core.spi.MetricValue;
import io.dendrite.core.train.EpochResult;
import io.dendrite.core.train.Evaluation;
import io.dendrite.core.train.TrainingContext;
import io.dendrite.core.train.TrainingListener;
import io.dendrite.core.train.TrainingPlan;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/**
 * Prints a run's progress: a short plan, one plain line per epoch, the test metrics.
 *
 * <p>Lines start with a fixed word ({@code data}, {@code epoch}, {@code test}) and use {@code name
 * value} pairs, so that scripts can grep them. On a terminal a progress line is redrawn during each
 * epoch and erased before the epoch's line is printed.
 */
public final class ConsoleReporter implements TrainingListener {
  private static final long REDRAW_NANOS = 100_000_000L;
  private static final int BAR_WIDTH = 30;

  private final PrintWriter out;
  private final boolean quiet;
  private final boolean progressBar;
  private final int layers;
  private int epochs;
  private int stepsPerEpoch;
  private long lastDraw;
  private int drawnWidth;

  public ConsoleReporter(PrintWriter out, boolean quiet, boolean progressBar, int layers) {
    this.out = out;
    this.quiet = quiet;
    this.progressBar = progressBar && !quiet;
    this.layers = layers;
  }

  @Inject
  ConsoleReporter(RunSettings settings, Experiment experiment) {
    this(settings.out(), settings.quiet(), settings.progressBar(), experiment.layers().size());
  }

  @Override
  public void onStart(TrainingContext context, TrainingPlan plan) {
    onStart(plan);
  }

  void onStart(TrainingPlan plan) {
    stepsPerEpoch = plan.stepsPerEpoch();
    epochs = plan.epochs();
    if (quiet) {
      return;
    }
    out.printf(
        Locale.ROOT,
        "data        %d train  %d validation  %d test  %d inputs  %d outputs%n",
        plan.trainExamples(),
        plan.validationExamples(),
        plan.testExamples(),
        plan.inputSize(),
        plan.outputSize());
    out.printf(
        Locale.ROOT, "model       %d layers  %d parameters%n", layers, plan.parameterCount());
    out.printf(
        Locale.ROOT,
        "training    %d epochs  %d steps per epoch%n",
        plan.epochs(),
        plan.stepsPerEpoch());
    out.flush();
  }

  @Override
  public void onResume(TrainingContext context, java.util.List<EpochResult> done) {
    if (quiet) {
      return;
    }
    out.printf(
        Locale.ROOT,
        "resumed     after epoch %d of %d%s%n",
        done.isEmpty() ? 0 : done.get(done.size() - 1).epoch(),
        epochs,
        context.stopRequested() ? " (training had ended there)" : "");
    out.flush();
  }

  @Override
  public void onStep(TrainingContext context, double loss) {
    progress(context.epoch(), context.step(), context.stepsPerEpoch(), loss);
  }

  /** Redraws the progress line for {@code step} of {@code steps} in {@code epoch}. */
  void progress(int epoch, int step, int steps, double loss) {
    if (!progressBar) {
      return;
    }
    long now = System.nanoTime();
    if (step != steps && now - lastDraw < REDRAW_NANOS) {
      return;
    }
    lastDraw = now;
    int filled = steps == 0 ? BAR_WIDTH : (int) ((long) BAR_WIDTH * step / steps);
    String line =
        String.format(
            Locale.ROOT,
            "epoch %d/%d [%s%s] %d/%d  loss %.4f",
            epoch,
            epochs,
            "=".repeat(filled),
            " ".repeat(BAR_WIDTH - filled),
            step,
            steps,
            loss);
    out.print("\r" + line);
    drawnWidth = line.length();
    out.flush();
  }

  @Override
  public void onEpoch(TrainingContext context, EpochResult result) {
    onEpoch(result);
    context
        .stopReason()
        .filter(reason -> !quiet)
        .ifPresent(
            reason -> {
              out.println("stopped     " + reason);
              out.flush();
            });
  }

  void onEpoch(EpochResult result) {
    erase();
    if (quiet) {
      return;
    }
    StringBuilder s =
        new StringBuilder(String.format(Locale.ROOT, "epoch %d/%d", result.epoch(), epochs));
    pairs("", result.train(), s);
    result.validation().ifPresent(v -> pairs("val_", v, s));
    if (stepsPerEpoch > 0 && result.steps() < stepsPerEpoch) {
      s.append(
          String.format(
              Locale.ROOT, "  (stopped after step %d of %d)", result.steps(), stepsPerEpoch));
    }
    // Epochs of small experiments take hundredths of a second: show them rather than "0.0s".
    s.append(
        String.format(
            Locale.ROOT, result.seconds() < 10 ? "  %.2fs" : "  %.1fs", result.seconds()));
    out.println(s);
    out.flush();
  }

  @Override
  public void onTest(TrainingContext context, Evaluation test) {
    onTest(test);
  }

  void onTest(Evaluation test) {
    erase();
    StringBuilder s = new StringBuilder("test");
    pairs("", test, s);
    out.println(s);
    out.flush();
  }

  private void erase() {
    if (drawnWidth > 0) {
      out.print("\r" + " ".repeat(drawnWidth) + "\r");
      drawnWidth = 0;
    }
  }

  /** {@code label} and the loss and metrics of {@code e}, as the console shows them. */
  public static String line(String label, Evaluation e) {
    StringBuilder s = new StringBuilder(label);
    pairs("", e, s);
    return s.toString();
  }

  private static void pairs(String prefix, Evaluation e, StringBuilder s) {
    s.append("  ").append(prefix).append("loss ").append(format(e.loss()));
    for (Map.Entry<String, MetricValue> m : e.metrics().entrySet()) {
      s.append("  ")
          .append(prefix)
          .append(m.getKey())
          .append(' ')
          .append(format(m.getValue().value()));
    }
  }

  private static String format(double v) {
    // A diverging run's loss can reach 1e13: keep its line short and its magnitude readable.
    return String.format(Locale.ROOT, Math.abs(v) < 1e5 ? "%.4f" : "%.4e", v);
  }
}
