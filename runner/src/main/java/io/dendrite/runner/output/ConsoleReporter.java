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
import java.util.function.IntSupplier;

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
  private static final int MIN_BAR = 5;

  private final PrintWriter out;
  private final boolean quiet;
  private final boolean progressBar;
  private final int layers;
  private final IntSupplier columns;
  private int epochs;
  private int stepsPerEpoch;
  private int trainExamples;
  private long lastDraw;
  private int drawnWidth;
  private int width;
  // The epoch being drawn: its start, its loss so far, and the time the epochs before it took.
  private int drawnEpoch;
  private int drawnStep;
  private long epochStart;
  private double lossSum;
  private int lossCount;
  private double secondsPerEpoch;
  private Thread onInterrupt;

  public ConsoleReporter(PrintWriter out, boolean quiet, boolean progressBar, int layers) {
    this(out, quiet, progressBar, layers, () -> TerminalWidth.DEFAULT);
  }

  /**
   * @param columns the terminal's width, read at the start of each epoch: the progress line is cut
   *     to it so that it never wraps
   */
  public ConsoleReporter(
      PrintWriter out, boolean quiet, boolean progressBar, int layers, IntSupplier columns) {
    this.out = out;
    this.quiet = quiet;
    this.progressBar = progressBar && !quiet;
    this.layers = layers;
    this.columns = columns;
  }

  @Inject
  ConsoleReporter(RunSettings settings, Experiment experiment) {
    this(
        settings.out(),
        settings.quiet(),
        settings.progressBar(),
        experiment.layers().size(),
        TerminalWidth::columns);
  }

  @Override
  public void onStart(TrainingContext context, TrainingPlan plan) {
    onStart(plan);
  }

  void onStart(TrainingPlan plan) {
    stepsPerEpoch = plan.stepsPerEpoch();
    epochs = plan.epochs();
    trainExamples = plan.trainExamples();
    if (progressBar) {
      // Ctrl-C ends the JVM between two redraws: leave a finished line, not half a bar.
      onInterrupt = new Thread(this::interrupted, "dendrite-console-interrupted");
      Runtime.getRuntime().addShutdownHook(onInterrupt);
    }
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
        Locale.ROOT,
        "model       %s  %s%n",
        plural(layers, "layer"),
        plural(plan.parameterCount(), "parameter"));
    out.printf(
        Locale.ROOT,
        "training    %s  %s per epoch%n",
        plural(plan.epochs(), "epoch"),
        plural(plan.stepsPerEpoch(), "step"));
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
    synchronized (this) {
      if (epoch != drawnEpoch) {
        drawnEpoch = epoch;
        epochStart = now;
        lossSum = 0;
        lossCount = 0;
        width = Math.max(1, columns.getAsInt());
      }
      drawnStep = step;
      lossSum += loss;
      lossCount++;
      if (step != steps && now - lastDraw < REDRAW_NANOS) {
        return;
      }
      lastDraw = now;
      String line = progressLine(epoch, step, steps, (now - epochStart) / 1e9, width - 1);
      // Shorter than the line before: blank what it leaves, so nothing old shows at the end.
      out.print("\r" + line + " ".repeat(Math.max(0, drawnWidth - line.length())));
      drawnWidth = Math.max(drawnWidth, line.length());
      out.flush();
    }
  }

  /**
   * The progress line at most {@code max} characters long: the bar narrows first, then goes, then
   * the end of the line is cut.
   */
  String progressLine(int epoch, int step, int steps, double seconds, int max) {
    StringBuilder tail =
        new StringBuilder(String.format(Locale.ROOT, " %d/%d", step, steps))
            .append("  loss ")
            .append(format(lossSum / Math.max(1, lossCount)));
    if (seconds > 0 && step > 0) {
      double done = steps == 0 ? trainExamples : (double) trainExamples * step / steps;
      tail.append(String.format(Locale.ROOT, "  %,d ex/s", Math.round(done / seconds)));
      double epochSeconds = seconds * steps / step;
      double perEpoch = secondsPerEpoch > 0 ? secondsPerEpoch : epochSeconds;
      double left = epochSeconds - seconds + perEpoch * Math.max(0, epochs - epoch);
      tail.append("  ").append(clock(left)).append(" left");
    }
    String head = String.format(Locale.ROOT, "epoch %d/%d", epoch, epochs);
    int bar = Math.min(BAR_WIDTH, max - head.length() - tail.length() - 3);
    String line;
    if (bar >= MIN_BAR) {
      int filled = steps == 0 ? bar : (int) ((long) bar * step / steps);
      line = head + " [" + "=".repeat(filled) + " ".repeat(bar - filled) + "]" + tail;
    } else {
      line = head + tail;
    }
    return line.length() <= max ? line : line.substring(0, Math.max(0, max)).stripTrailing();
  }

  /** {@code 0:07}, {@code 12:30}, {@code 1:02:03}. */
  static String clock(double seconds) {
    long s = Math.round(seconds);
    return s < 3600
        ? String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
  }

  /** {@code 1 epoch}, {@code 10 epochs}. */
  static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** At exit in the middle of an epoch (Ctrl-C): the bar ends, and a line says where. */
  private synchronized void interrupted() {
    if (drawnWidth == 0) {
      return;
    }
    erase();
    out.printf(
        Locale.ROOT,
        "interrupted during epoch %d/%d, step %d/%d%n",
        drawnEpoch,
        epochs,
        drawnStep,
        stepsPerEpoch);
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
    synchronized (this) {
      erase();
      drawnEpoch = 0;
      secondsPerEpoch = result.seconds();
    }
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
    synchronized (this) {
      erase();
    }
    if (onInterrupt != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(onInterrupt);
      } catch (IllegalStateException e) {
        // Already shutting down: the hook finds nothing drawn.
      }
      onInterrupt = null;
    }
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
