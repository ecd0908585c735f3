package io.dendrite.optimizers;

import io.dendrite.core.DendriteException;
import io.dendrite.core.param.IntegerType;
import io.dendrite.core.param.Param;
import io.dendrite.core.param.Range;
import io.dendrite.core.spi.Schedule;
import io.dendrite.core.spi.SchedulePlugin;
import io.dendrite.core.tensor.Matrix;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rate times {@code factor} when a measurement stops improving, as {@code ReduceLROnPlateau}.
 *
 * <p>After each epoch the {@code monitor}ed measurement is compared with the best so far: it
 * improves on it when it is lower than {@code best * (1 - threshold)} (mode {@code min}, {@code
 * threshold_mode: rel}), or {@code best - threshold} ({@code abs}); higher than {@code best * (1 +
 * threshold)} or {@code best + threshold} in mode {@code max}. After more than {@code patience}
 * epochs without improvement the rate becomes {@code max(rate * factor, min_lr)} (unless that
 * changes it by {@code epsilon} or less), and the next {@code cooldown} epochs count no bad epochs.
 * Mode {@code auto} is {@code max} for a measurement whose name contains accuracy, f1, precision,
 * recall, auc or r2, and {@code min} for others (losses, errors).
 *
 * <p>Its state ({@code reduce_on_plateau.rate}, {@code .best}, {@code .num_bad_epochs}, {@code
 * .cooldown_counter}, each 1x1) is what it has learnt from the measurements; a run resumed from it
 * continues as if never interrupted. {@code restoreState} may come before or after {@code start}.
 */
public final class ReduceOnPlateauSchedule implements Schedule {
  static final Param<String> MONITOR =
      Param.string(
          "monitor",
          "val_loss",
          "the measurement followed: loss, val_loss, a metric, val_<metric>");
  static final Param<String> MODE =
      Param.choice(
          "mode",
          "auto",
          "whether lower or higher is better; auto guesses from the name",
          "min",
          "max",
          "auto");
  static final Param<Double> FACTOR =
      Param.number("factor", 0.1, "factor applied to the rate at each reduction")
          .greaterThan(0)
          .lessThan(1);
  static final Param<Integer> PATIENCE =
      Param.of(
          "patience",
          new IntegerType(Range.ANY.withMin(0, true)),
          10,
          "epochs without improvement tolerated before a reduction");
  static final Param<Double> THRESHOLD =
      Param.number("threshold", 1e-4, "how much better a measurement must be to count as better")
          .atLeast(0);
  static final Param<String> THRESHOLD_MODE =
      Param.choice(
          "threshold_mode",
          "rel",
          "threshold relative to the best value, or absolute",
          "rel",
          "abs");
  static final Param<Integer> COOLDOWN =
      Param.of(
          "cooldown",
          new IntegerType(Range.ANY.withMin(0, true)),
          0,
          "epochs after a reduction during which bad epochs are not counted");
  static final Param<Double> MIN_LR =
      Param.number("min_lr", 0.0, "the rate is never reduced below this").atLeast(0);
  static final Param<Double> EPSILON =
      Param.number("epsilon", 1e-8, "a reduction changing the rate by this or less is skipped")
          .atLeast(0);

  /** Registers the schedule as {@code reduce_on_plateau}. */
  public static final class Plugin extends SchedulePlugin.Base {
    public Plugin() {
      super(
          declare(
                  "reduce_on_plateau",
                  "the rate times factor when a measurement stops improving, as ReduceLROnPlateau")
              .params(
                  MONITOR,
                  MODE,
                  FACTOR,
                  PATIENCE,
                  THRESHOLD,
                  THRESHOLD_MODE,
                  COOLDOWN,
                  MIN_LR,
                  EPSILON),
          params ->
              new ReduceOnPlateauSchedule(
                  params.get(MONITOR),
                  params.get(MODE),
                  params.get(FACTOR),
                  params.get(PATIENCE),
                  params.get(THRESHOLD),
                  params.get(THRESHOLD_MODE).equals("rel"),
                  params.get(COOLDOWN),
                  params.get(MIN_LR),
                  params.get(EPSILON)));
    }
  }

  private static final String ID = "reduce_on_plateau";
  static final String RATE = ID + ".rate";
  static final String BEST = ID + ".best";
  static final String BAD_EPOCHS = ID + ".num_bad_epochs";
  static final String COOLDOWN_COUNTER = ID + ".cooldown_counter";
  private static final List<String> HIGHER_IS_BETTER =
      List.of("accuracy", "f1", "precision", "recall", "auc", "r2");

  private final String monitor;
  private final boolean maximize;
  private final double factor;
  private final int patience;
  private final double threshold;
  private final boolean relative;
  private final int cooldown;
  private final double minRate;
  private final double epsilon;

  private double rate = Double.NaN;
  private double best;
  private int badEpochs;
  private int cooldownCounter;
  private boolean restored;

  public ReduceOnPlateauSchedule(
      String monitor,
      String mode,
      double factor,
      int patience,
      double threshold,
      boolean relativeThreshold,
      int cooldown,
      double minRate,
      double epsilon) {
    this.monitor = monitor;
    this.maximize = mode.equals("auto") ? higherIsBetter(monitor) : mode.equals("max");
    this.factor = factor;
    this.patience = patience;
    this.threshold = threshold;
    this.relative = relativeThreshold;
    this.cooldown = cooldown;
    this.minRate = minRate;
    this.epsilon = epsilon;
    this.best = worst();
  }

  /** What mode {@code auto} picks for {@code name}: max for scores, min for losses and errors. */
  static boolean higherIsBetter(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return HIGHER_IS_BETTER.stream().anyMatch(lower::contains);
  }

  /** True when the schedule treats higher values of its measurement as better. */
  boolean maximizes() {
    return maximize;
  }

  /** {@link Interval#EPOCH}: the rate changes only after an epoch's measurements. */
  @Override
  public Interval interval() {
    return Interval.EPOCH;
  }

  @Override
  public void start(double baseRate, long totalSteps, int stepsPerEpoch) {
    if (!restored) {
      rate = baseRate;
    }
  }

  @Override
  public double rate(long step, int epoch) {
    if (Double.isNaN(rate)) {
      throw new IllegalStateException(ID + ": rate() before start()");
    }
    return rate;
  }

  @Override
  public void observe(int epoch, Map<String, Double> measurements) {
    Double value = measurements.get(monitor);
    if (value == null) {
      throw DendriteException.config(
          ID
              + " monitors '"
              + monitor
              + "', which this run does not measure; it measures "
              + measurements.keySet()
              + (monitor.startsWith("val_") ? " (val_ values need validation data)" : "")
              + ": set the schedule's monitor to one of them");
    }
    double current = value;
    if (isBetter(current)) {
      best = current;
      badEpochs = 0;
    } else {
      badEpochs++;
    }
    if (cooldownCounter > 0) {
      cooldownCounter--;
      badEpochs = 0;
    }
    if (badEpochs > patience) {
      double reduced = Math.max(rate * factor, minRate);
      if (rate - reduced > epsilon) {
        rate = reduced;
      }
      cooldownCounter = cooldown;
      badEpochs = 0;
    }
  }

  // PyTorch's comparisons exactly, including the relative threshold's sign for negative values.
  private boolean isBetter(double current) {
    if (maximize) {
      return relative ? current > best * (threshold + 1.0) : current > best + threshold;
    }
    return relative ? current < best * (1.0 - threshold) : current < best - threshold;
  }

  private double worst() {
    return maximize ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
  }

  /**
   * The reduced rate, the best value so far, and the two counters.
   *
   * <p>The best value is left out until there is one, so that every value is finite.
   */
  @Override
  public Map<String, Matrix> state() {
    Map<String, Matrix> state = new LinkedHashMap<>();
    if (!Double.isNaN(rate)) {
      state.put(RATE, scalar(rate));
    }
    if (!Double.isInfinite(best)) {
      state.put(BEST, scalar(best));
    }
    state.put(BAD_EPOCHS, scalar(badEpochs));
    state.put(COOLDOWN_COUNTER, scalar(cooldownCounter));
    return state;
  }

  @Override
  public void restoreState(Map<String, Matrix> state) {
    for (String key : state.keySet()) {
      if (!List.of(RATE, BEST, BAD_EPOCHS, COOLDOWN_COUNTER).contains(key)) {
        throw new IllegalArgumentException("schedule state '" + key + "' is not " + ID + " state");
      }
    }
    double newRate = state.containsKey(RATE) ? value(state, RATE) : Double.NaN;
    if (state.containsKey(RATE) && !(newRate >= 0 && newRate < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(
          "schedule state '" + RATE + "' must be a finite rate >= 0, found " + newRate);
    }
    double newBest = state.containsKey(BEST) ? value(state, BEST) : worst();
    int newBad = count(state, BAD_EPOCHS);
    int newCooldown = count(state, COOLDOWN_COUNTER);
    if (!Double.isNaN(newRate)) {
      rate = newRate;
      restored = true;
    }
    best = newBest;
    badEpochs = newBad;
    cooldownCounter = newCooldown;
  }

  private static Matrix scalar(double value) {
    return Matrix.doubles(1, 1).fill(value);
  }

  private static double value(Map<String, Matrix> state, String key) {
    Matrix m = state.get(key);
    if (m.size() != 1) {
      throw new IllegalArgumentException(
          "schedule state '" + key + "' must be 1x1, found " + m.rows() + "x" + m.cols());
    }
    return m.get(0);
  }

  private static int count(Map<String, Matrix> state, String key) {
    if (!state.containsKey(key)) {
      return 0;
    }
    double v = value(state, key);
    if (!(v >= 0 && v <= Integer.MAX_VALUE && v == Math.rint(v))) {
      throw new IllegalArgumentException(
          "schedule state '" + key + "' must be one whole number >= 0, found " + v);
    }
    return (int) v;
  }
}
