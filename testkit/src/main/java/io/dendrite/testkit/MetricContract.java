package io.dendrite.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.Metric;
import io.dendrite.core.spi.MetricValue;
import io.dendrite.core.spi.PluginKind;
import io.dendrite.core.tensor.Matrix;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What every metric plugin must do. Extend it, implement {@link #plugin()}, and override {@link
 * #sample} when the metric scores something other than probability rows against one-hot targets.
 *
 * <ul>
 *   <li>{@link Metric#reset} <b>must</b> forget everything seen, and the result <b>must not</b>
 *       depend on how the rows were split into batches, nor on the precision of the matrices.
 *   <li>The value <b>must</b> be NaN (or {@link #valueBeforeAnythingIsSeen()}) before any row is
 *       seen.
 *   <li>{@link Metric#update} <b>must not</b> allocate after the first batch (a metric that keeps
 *       every row may grow its buffers geometrically), <b>must</b> read only the rows in use, and
 *       <b>must</b> leave its inputs unchanged.
 *   <li>{@link Metric#goal} <b>must</b> be declared and agree with the metric: perfect outputs
 *       score at least as well as any other.
 *   <li>Two instances <b>must</b> share nothing.
 * </ul>
 *
 * See {@code testkit/README.md} for the full list.
 */
public abstract class MetricContract extends PluginContract<Metric> {
  /**
   * How far two float64 computations of one result may be, relative to {@code max(1, |value|)}:
   * room for sums taken in another order, nothing more.
   */
  protected static final double DOUBLE_TOLERANCE = 1e-12;

  /** Bytes {@code update} may appear to allocate over many batches: noise, not a buffer. */
  private static final long ALLOCATION_SLACK = 1024;

  private static final int ROWS = 37;
  private static final int BATCH = 8;

  /**
   * Network outputs and the targets they are scored against: float64 matrices of one shape.
   *
   * @param outputs what the network produced
   * @param targets what it should have produced
   */
  public record Sample(Matrix outputs, Matrix targets) {}

  @Override
  protected PluginKind kind() {
    return PluginKind.METRIC;
  }

  /**
   * Random outputs and matching targets. The default is classification: rows of probabilities
   * (softmax of twice standard-normal values) with one-hot targets, or for a single column a
   * probability (sigmoid) with a 0/1 target; when {@code rows} allows, every class appears.
   * Override it for regression metrics.
   */
  protected Sample sample(int rows, int cols, Rng rng) {
    Matrix outputs = Matrix.doubles(rows, cols);
    Matrix targets = Matrix.doubles(rows, cols);
    int classes = cols == 1 ? 2 : cols;
    for (int r = 0; r < rows; r++) {
      int target = r < classes ? r : rng.nextInt(classes);
      if (cols == 1) {
        outputs.set(r, 0, 1 / (1 + Math.exp(-2 * rng.nextGaussian())));
        targets.set(r, 0, target);
        continue;
      }
      double sum = 0;
      for (int c = 0; c < cols; c++) {
        double e = Math.exp(2 * rng.nextGaussian());
        outputs.set(r, c, e);
        sum += e;
      }
      for (int c = 0; c < cols; c++) {
        outputs.set(r, c, outputs.get(r, c) / sum);
      }
      targets.set(r, target, 1.0);
    }
    return new Sample(outputs, targets);
  }

  /** Column counts the checks run on: by default 1 (binary), 2 and 5. */
  protected List<Integer> columnCounts() {
    return List.of(1, 2, 5);
  }

  /** The value before any row is seen and after {@link Metric#reset}; NaN unless documented. */
  protected double valueBeforeAnythingIsSeen() {
    return Double.NaN;
  }

  /**
   * True for a metric that keeps every row it sees (a ranking metric such as ROC AUC): its buffers
   * may grow, geometrically, while rows come in, and must be reused after {@link Metric#reset}.
   */
  protected boolean keepsEveryRow() {
    return false;
  }

  /** The outputs that match {@code targets} perfectly; by default the targets themselves. */
  protected Matrix perfectOutputs(Matrix targets) {
    return targets.copy();
  }

  @Test
  void resetForgetsEverythingSeen() {
    Rng rng = new Rng(31);
    List<Integer> counts = columnCounts();
    for (int i = 0; i < counts.size(); i++) {
      int cols = counts.get(i);
      // Another shape first: reset forgets the column count too.
      Sample before = sample(ROWS, counts.get((i + 1) % counts.size()), rng);
      Sample after = sample(ROWS - 6, cols, rng);
      Metric reused = newInstance();
      feed(reused, before, BATCH);
      reused.result();
      reused.reset();
      assertValueBeforeAnythingIsSeen(reused.result(), "after reset");
      feed(reused, after, BATCH);
      Metric fresh = newInstance();
      feed(fresh, after, BATCH);
      assertSameResult(
          fresh.result(), reused.result(), "a reset instance and a fresh one, %d columns", cols);
    }
  }

  @Test
  void resultDoesNotDependOnHowTheRowsAreBatched() {
    Rng rng = new Rng(32);
    for (int cols : columnCounts()) {
      Sample s = sample(ROWS, cols, rng);
      Metric whole = newInstance();
      whole.update(s.outputs(), s.targets());
      for (int batch : new int[] {1, BATCH}) {
        Metric batched = newInstance();
        feed(batched, s, batch);
        assertSameResult(
            whole.result(),
            batched.result(),
            "%d rows of %d columns in one batch and in batches of %d",
            ROWS,
            cols,
            batch);
      }
    }
  }

  @Test
  void float32InputsGiveTheResultOfTheSameValuesInFloat64() {
    Rng rng = new Rng(33);
    for (int cols : columnCounts()) {
      Sample s = sample(ROWS, cols, rng);
      Sample floats = new Sample(s.outputs().toFloats(), s.targets().toFloats());
      Sample doubles = new Sample(floats.outputs().toDoubles(), floats.targets().toDoubles());
      Metric single = newInstance();
      feed(single, floats, BATCH);
      Metric dbl = newInstance();
      feed(dbl, doubles, BATCH);
      assertSameResult(
          dbl.result(), single.result(), "float32 and float64 matrices, %d columns", cols);
    }
  }

  @Test
  void isNotANumberBeforeAnythingIsSeen() {
    Metric metric = newInstance();
    assertValueBeforeAnythingIsSeen(metric.result(), "before any update");
    Sample empty = sample(0, columnCounts().get(0), new Rng(34));
    metric.update(empty.outputs(), empty.targets());
    assertValueBeforeAnythingIsSeen(metric.result(), "after an update of 0 rows");
  }

  @Test
  void anEmptyBatchChangesNothing() {
    Rng rng = new Rng(35);
    for (int cols : columnCounts()) {
      Sample s = sample(ROWS, cols, rng);
      Sample empty = sample(0, cols, rng);
      Metric plain = newInstance();
      feed(plain, s, BATCH);
      Metric withEmpty = newInstance();
      withEmpty.update(empty.outputs(), empty.targets());
      feed(withEmpty, s, BATCH);
      withEmpty.update(empty.outputs(), empty.targets());
      assertSameResult(
          plain.result(),
          withEmpty.result(),
          "with and without batches of 0 rows, %d columns",
          cols);
    }
  }

  @Test
  void updateAllocatesNothingAfterTheFirstBatch() {
    ThreadAllocation allocation = ThreadAllocation.forCurrentThread();
    Assumptions.assumeTrue(allocation != null, "this JVM cannot count allocated bytes");
    Rng rng = new Rng(36);
    for (int cols : columnCounts()) {
      Matrix[][] batches = batches(sample(64 * 16 + 5, cols, rng), 16);
      Metric metric = newInstance();
      String what;
      if (keepsEveryRow()) {
        // A metric that keeps every row sizes its buffers in a first pass and reuses them.
        for (Matrix[] b : batches) {
          metric.update(b[0], b[1]);
        }
        metric.result();
        metric.reset();
        what = "a second pass of " + batches.length + " batches after reset";
      } else {
        metric.update(batches[0][0], batches[0][1]);
        what = (batches.length - 1) + " batches after the first";
      }
      int first = keepsEveryRow() ? 0 : 1;
      long start = allocation.bytes();
      for (int i = first; i < batches.length; i++) {
        metric.update(batches[i][0], batches[i][1]);
      }
      long end = allocation.bytes();
      long bytes = end - start - (allocation.bytes() - end);
      assertThat(bytes)
          .as("bytes %s allocated in update over %s, %d columns", plugin().id(), what, cols)
          .isLessThan(ALLOCATION_SLACK);
    }
  }

  @Test
  void keptRowsGrowTheirBuffersGeometrically() {
    Assumptions.assumeTrue(keepsEveryRow(), "the metric does not keep every row");
    ThreadAllocation allocation = ThreadAllocation.forCurrentThread();
    Assumptions.assumeTrue(allocation != null, "this JVM cannot count allocated bytes");
    int cols = columnCounts().get(columnCounts().size() - 1);
    Matrix[][] batches = batches(sample(128 * 16, cols, new Rng(37)), 16);
    long[] bytes = new long[2];
    int[] counts = {32, 128};
    for (int k = 0; k < 2; k++) {
      Metric metric = newInstance();
      long start = allocation.bytes();
      for (int i = 0; i < counts[k]; i++) {
        metric.update(batches[i][0], batches[i][1]);
      }
      bytes[k] = allocation.bytes() - start;
    }
    // Four times the rows: a few times the bytes when growth is geometric, sixteen when each
    // batch copies everything into a buffer just large enough.
    assertThat(bytes[1])
        .as(
            "bytes %s allocated for %d batches, against %d bytes for %d batches",
            plugin().id(), counts[1], bytes[0], counts[0])
        .isLessThanOrEqualTo(8 * bytes[0] + ALLOCATION_SLACK);
  }

  @Test
  void readsOnlyTheRowsInUse() {
    Rng rng = new Rng(38);
    int used = 7;
    for (int cols : columnCounts()) {
      Sample s = sample(12, cols, rng);
      Matrix outputs = s.outputs().copy();
      Matrix targets = s.targets().copy();
      for (int i = used * cols; i < outputs.size(); i++) {
        outputs.set(i, Double.NaN);
        targets.set(i, Double.NaN);
      }
      Metric compact = newInstance();
      compact.update(rows(outputs, 0, used), rows(targets, 0, used));
      Metric partial = newInstance();
      partial.update(outputs.setRows(used), targets.setRows(used));
      assertSameResult(
          compact.result(),
          partial.result(),
          "%d rows in use of 12 (the rest NaN) and the same %d rows alone, %d columns",
          used,
          used,
          cols);
    }
  }

  @Test
  void updateLeavesItsInputsUnchanged() {
    Rng rng = new Rng(39);
    for (int cols : columnCounts()) {
      for (boolean doubles : new boolean[] {true, false}) {
        Sample s = sample(ROWS, cols, rng);
        Matrix outputs = doubles ? s.outputs() : s.outputs().toFloats();
        Matrix targets = doubles ? s.targets() : s.targets().toFloats();
        Matrix outputsBefore = outputs.copy();
        Matrix targetsBefore = targets.copy();
        Metric metric = newInstance();
        metric.update(outputs, targets);
        metric.result();
        for (int i = 0; i < outputs.size(); i++) {
          assertThat(outputs.get(i))
              .as("%s changed outputs[%d] in update", plugin().id(), i)
              .isEqualTo(outputsBefore.get(i));
          assertThat(targets.get(i))
              .as("%s changed targets[%d] in update", plugin().id(), i)
              .isEqualTo(targetsBefore.get(i));
        }
      }
    }
  }

  @Test
  void goalIsDeclaredAndPerfectOutputsScoreBest() {
    Metric.Goal goal = newInstance().goal();
    assertThat(goal).as("goal() of %s", plugin().id()).isNotNull();
    Rng rng = new Rng(40);
    for (int cols : columnCounts()) {
      for (int i = 0; i < 10; i++) {
        Sample s = sample(40, cols, rng);
        Metric perfectMetric = newInstance();
        perfectMetric.update(perfectOutputs(s.targets()), s.targets());
        double perfect = perfectMetric.result().value();
        Metric otherMetric = newInstance();
        otherMetric.update(s.outputs(), s.targets());
        double other = otherMetric.result().value();
        assertThat(perfect).as("%s of perfect outputs, %d columns", plugin().id(), cols).isNotNaN();
        if (Double.isNaN(other)) {
          continue;
        }
        if (goal == Metric.Goal.MAXIMIZE) {
          assertThat(perfect)
              .as("%s (goal %s) of perfect outputs, against random ones", plugin().id(), goal)
              .isGreaterThanOrEqualTo(other);
        } else {
          assertThat(perfect)
              .as("%s (goal %s) of perfect outputs, against random ones", plugin().id(), goal)
              .isLessThanOrEqualTo(other);
        }
      }
    }
  }

  @Test
  void instancesShareNothing() {
    Rng rng = new Rng(41);
    List<Integer> counts = columnCounts();
    for (int i = 0; i < counts.size(); i++) {
      Sample first = sample(ROWS, counts.get(i), rng);
      Sample second = sample(ROWS, counts.get((i + 1) % counts.size()), rng);
      // Results are read at once: instances made later must not change them.
      Metric alone = newInstance();
      feed(alone, first, BATCH);
      MetricValue firstAlone = alone.result();
      Metric other = newInstance();
      feed(other, second, BATCH);
      MetricValue secondAlone = other.result();

      Metric a = newInstance();
      Metric b = newInstance();
      Matrix[][] firstBatches = batches(first, BATCH);
      Matrix[][] secondBatches = batches(second, BATCH);
      for (int k = 0; k < firstBatches.length; k++) {
        a.update(firstBatches[k][0], firstBatches[k][1]);
        b.update(secondBatches[k][0], secondBatches[k][1]);
      }
      assertSameResult(firstAlone, a.result(), "fed beside a second instance");
      assertSameResult(secondAlone, b.result(), "fed beside a second instance");
      a.reset();
      assertSameResult(secondAlone, b.result(), "after a second instance was reset");
    }
  }

  /**
   * Throws unless {@code actual} has the value, per-class values and matrix of {@code expected},
   * within {@link #DOUBLE_TOLERANCE}; NaN matches NaN.
   */
  protected void assertSameResult(
      MetricValue expected, MetricValue actual, String situation, Object... args) {
    String what = plugin().id() + ", " + String.format(situation, args);
    assertClose(expected.value(), actual.value(), what + ": value");
    assertThat(actual.perClass().size())
        .as("%s: per-class values (expected %s, got %s)", what, expected, actual)
        .isEqualTo(expected.perClass().size());
    for (int c = 0; c < expected.perClass().size(); c++) {
      assertClose(expected.perClass().get(c), actual.perClass().get(c), what + ": class " + c);
    }
    assertThat(actual.matrix().size())
        .as("%s: matrix rows (expected %s, got %s)", what, expected, actual)
        .isEqualTo(expected.matrix().size());
    for (int r = 0; r < expected.matrix().size(); r++) {
      List<Double> e = expected.matrix().get(r);
      List<Double> a = actual.matrix().get(r);
      assertThat(a.size()).as("%s: matrix row %d", what, r).isEqualTo(e.size());
      for (int c = 0; c < e.size(); c++) {
        assertClose(e.get(c), a.get(c), what + ": matrix[" + r + "][" + c + "]");
      }
    }
  }

  private static void assertClose(double expected, double actual, String what) {
    if (Double.isNaN(expected) || Double.isNaN(actual)) {
      if (Double.isNaN(expected) != Double.isNaN(actual)) {
        fail("%s: expected %s, got %s", what, expected, actual);
      }
      return;
    }
    if (expected == actual) {
      return; // infinities included
    }
    double error = Math.abs(expected - actual) / Math.max(1, Math.abs(expected));
    if (!(error <= DOUBLE_TOLERANCE)) {
      fail("%s: expected %s, got %s (relative error %.3g)", what, expected, actual, error);
    }
  }

  private void assertValueBeforeAnythingIsSeen(MetricValue value, String when) {
    double expected = valueBeforeAnythingIsSeen();
    if (Double.isNaN(expected)) {
      assertThat(value.value()).as("value of %s %s", plugin().id(), when).isNaN();
    } else {
      assertThat(value.value()).as("value of %s %s", plugin().id(), when).isEqualTo(expected);
    }
  }

  /** Feeds {@code s} in batches of {@code batch} rows through two reused buffers. */
  private static void feed(Metric metric, Sample s, int batch) {
    int n = s.outputs().rows();
    int cols = s.outputs().cols();
    Matrix outputs = s.outputs().like(batch, cols);
    Matrix targets = s.targets().like(batch, cols);
    for (int from = 0; from < n; from += batch) {
      int rows = Math.min(batch, n - from);
      outputs.setRows(rows);
      targets.setRows(rows);
      for (int i = 0; i < rows * cols; i++) {
        outputs.set(i, s.outputs().get(from * cols + i));
        targets.set(i, s.targets().get(from * cols + i));
      }
      metric.update(outputs, targets);
      if (from == batch) {
        metric.result(); // reading a result midway changes nothing
      }
    }
  }

  /** {@code s} cut into batches of {@code batch} rows, each {@code {outputs, targets}}. */
  private static Matrix[][] batches(Sample s, int batch) {
    int n = s.outputs().rows();
    Matrix[][] out = new Matrix[(n + batch - 1) / batch][];
    for (int k = 0; k < out.length; k++) {
      int rows = Math.min(batch, n - k * batch);
      out[k] =
          new Matrix[] {rows(s.outputs(), k * batch, rows), rows(s.targets(), k * batch, rows)};
    }
    return out;
  }

  private static Matrix rows(Matrix m, int from, int count) {
    int cols = m.cols();
    Matrix out = m.like(count, cols);
    for (int i = 0; i < count * cols; i++) {
      out.set(i, m.get(from * cols + i));
    }
    return out;
  }

  /** Bytes allocated by the calling thread, as HotSpot counts them. */
  private static final class ThreadAllocation {
    private final com.sun.management.ThreadMXBean bean;
    private final long threadId;

    private ThreadAllocation(com.sun.management.ThreadMXBean bean, long threadId) {
      this.bean = bean;
      this.threadId = threadId;
    }

    /** A counter for the calling thread, or null when this JVM cannot count. */
    @SuppressWarnings("deprecation") // Thread.threadId() is Java 19+, and the build targets 17.
    static ThreadAllocation forCurrentThread() {
      try {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean
            && bean.isThreadAllocatedMemorySupported()
            && bean.isThreadAllocatedMemoryEnabled()) {
          ThreadAllocation counter = new ThreadAllocation(bean, Thread.currentThread().getId());
          counter.bytes(); // the first reading may load classes
          return counter;
        }
      } catch (LinkageError | RuntimeException e) {
        // No jdk.management module: the allocation checks are skipped.
      }
      return null;
    }

    long bytes() {
      return bean.getThreadAllocatedBytes(threadId);
    }
  }
}
