package io.dendrite.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.check.GradientCheck;
import io.dendrite.core.param.Param;
import io.dendrite.core.param.Params;
import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.ComponentSpec;
import io.dendrite.core.spi.Layer;
import io.dendrite.core.spi.LayerContext;
import io.dendrite.core.spi.PluginKind;
import io.dendrite.core.tensor.Buffer;
import io.dendrite.core.tensor.Kernels;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.core.tensor.Parameter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What every layer plugin must do. Extend it and implement {@link #plugin()}; give required
 * parameters in {@link #parameters()}.
 *
 * <p>The contract builds each layer itself, through a {@link LayerContext} of its own (float32 or
 * float64 matrices, {@link Kernels#singleThreaded()}, a seeded random stream, components made by
 * {@link #component}), then gives it starting values and {@link #prepare}s it.
 *
 * <ul>
 *   <li>{@code backward} <b>must</b> agree with finite differences of {@code forward} in double
 *       precision, for the input and every parameter, in evaluation and in training mode.
 *   <li>The float32 path <b>must</b> agree with the float64 path within float tolerance.
 *   <li>Training and evaluation <b>must</b> differ exactly when {@link
 *       #trainingDiffersFromEvaluation()} says so, and evaluation <b>must not</b> change any state.
 *   <li>Randomness in training <b>must</b> come from {@link LayerContext#rng()} itself, fresh at
 *       every step, so that restoring that stream repeats a step; a layer that is not {@link
 *       #isRandomInTraining() random} <b>must not</b> depend on it.
 *   <li>The same seeds <b>must</b> give the same results, bit for bit; instances <b>must</b> share
 *       nothing.
 *   <li>A training step <b>must not</b> allocate once the first has run.
 *   <li>Parameters and buffers <b>must</b> be named after the layer, uniquely, and stay the same
 *       matrices from {@code build} on.
 *   <li>Forward and backward <b>must</b> read and write only the rows in use, leave their inputs
 *       unchanged, and {@code backward} <b>must</b> overwrite every parameter gradient.
 *   <li>Defaults a plugin derives ({@link io.dendrite.core.spi.Plugin#derivedDefaults}) <b>must</b>
 *       be what {@code create} picks without them.
 * </ul>
 *
 * See {@code testkit/README.md} for the full list.
 */
public abstract class LayerContract extends PluginContract<Layer> {
  /** How far float32 results may be from float64 ones, relative to {@code max(1, |value|)}. */
  protected static final double FLOAT_TOLERANCE = 1e-5;

  /** The name the contract's context gives every layer: not {@code layers.0}, so that shows. */
  protected static final String NAME = "layers.3";

  /** Rows of the batches {@link #prepare} trains on; every context has at least this many. */
  protected static final int PREPARE_ROWS = 4;

  private static final int ALLOCATION_ROWS = 16;

  private PluginRegistry registry;

  @Override
  protected PluginKind kind() {
    return PluginKind.LAYER;
  }

  /**
   * Compiles the vector kernels before any check runs them; only the first call in a JVM works.
   *
   * <p>Kernels that first run interpreted on odd shapes, are then compiled, and then meet a branch
   * the compiled code never saw can stay interpreted for good, and allocate: so that {@link
   * #stepsAllocateNothingAfterTheFirst} measures the layer and not that, warm up before float32
   * kernels run, here and in any other test class of the same JVM.
   */
  @BeforeAll
  static void warmUpKernels() {
    Kernels.warmUp(3000);
  }

  /**
   * Batch shapes {@code {rows, inputSize}} to check; single-shape checks take the first.
   *
   * <p>Include a batch of one row and an input one wide.
   */
  protected List<int[]> shapes() {
    return List.of(new int[] {4, 5}, new int[] {1, 3}, new int[] {6, 1});
  }

  /**
   * Whether the layer draws random values in training (dropout); false by default.
   *
   * <p>It must draw them from {@link LayerContext#rng()} itself, as it goes: two instances built
   * with same-seeded streams and fed the same batches then draw the same values, and restoring the
   * stream's state (as a resumed run does) repeats a step.
   */
  protected boolean isRandomInTraining() {
    return false;
  }

  /**
   * Whether training gives other results than evaluation (dropout, batch norm).
   *
   * <p>By default, when the layer {@link #isRandomInTraining()}.
   */
  protected boolean trainingDiffersFromEvaluation() {
    return isRandomInTraining();
  }

  /** Standard-normal inputs; override to keep away from points where the layer has kinks. */
  protected Matrix randomInput(int rows, int cols, Rng rng, boolean doubles) {
    Matrix m = doubles ? Matrix.doubles(rows, cols) : Matrix.floats(rows, cols);
    for (int i = 0; i < m.size(); i++) {
      m.set(i, rng.nextGaussian());
    }
    return m;
  }

  /**
   * A new instance of the plugin {@code spec} names, for {@link LayerContext#create}.
   *
   * <p>By default found with {@link java.util.ServiceLoader} on the test class path; override when
   * the plugins the layer needs (its initializer, say) are not there.
   */
  protected <T> T component(ComponentSpec spec, Class<T> type) {
    if (registry == null) {
      registry = PluginRegistry.discover(getClass().getClassLoader());
    }
    return registry.create(spec, type);
  }

  /**
   * Moves a freshly initialized layer away from special points before it is checked.
   *
   * <p>Adds {@code N(0, 0.1²)} noise to every parameter (so that a bias is not 0, a scale not 1),
   * then runs three training steps of {@link #PREPARE_ROWS} random rows (so that running statistics
   * move), in the layer's precision ({@code doubles}), all drawn from {@code rng}. Instances the
   * checks compare are prepared with equal seeds, so an override must draw from {@code rng} only.
   * Override when noise would leave the layer's domain.
   */
  protected void prepare(Layer layer, int inputSize, boolean doubles, Rng rng) {
    for (Parameter p : layer.parameters()) {
      Matrix v = p.value();
      for (int i = 0; i < v.size(); i++) {
        v.set(i, v.get(i) + 0.1 * rng.nextGaussian());
      }
    }
    for (int step = 0; step < 3; step++) {
      Matrix x = randomInput(PREPARE_ROWS, inputSize, rng, doubles);
      Matrix out = layer.forward(x, true);
      layer.backward(random(out.rows(), out.cols(), rng, out.isDouble()));
    }
  }

  // ---- the checks

  @Test
  void backwardAgreesWithFiniteDifferencesInEvaluation() {
    Rng rng = new Rng(1);
    for (int[] shape : shapes()) {
      Instance in = prepared(shape, true, 11);
      Matrix x = randomInput(shape[0], shape[1], rng, true);
      GradientCheck.Result result = GradientCheck.ofLayer(in.layer, x, rng);
      assertThat(result.passes())
          .as(
              "gradient check of %s in evaluation on %dx%d input: %s",
              plugin().id(), shape[0], shape[1], result)
          .isTrue();
    }
  }

  @Test
  void backwardAgreesWithFiniteDifferencesInTraining() {
    Rng rng = new Rng(2);
    for (int[] shape : shapes()) {
      GradientCheck.Result result = trainingGradientCheck(shape, rng);
      assertThat(result.passes())
          .as(
              "gradient check of %s in training on %dx%d input: %s",
              plugin().id(), shape[0], shape[1], result)
          .isTrue();
    }
  }

  @Test
  void float32AgreesWithFloat64() {
    Rng rng = new Rng(3);
    for (int[] shape : shapes()) {
      Instance f = prepared(shape, false, 31);
      Instance d = prepared(shape, true, 31);
      // Both ran the same steps; the float32 values, exact in float64, make the inputs equal.
      copyState(f.layer, d.layer);
      Matrix x32 = randomInput(shape[0], shape[1], rng, false);
      Matrix g32 = random(shape[0], f.layer.outputSize(), rng, false);
      Matrix x64 = x32.toDoubles();
      Matrix g64 = g32.toDoubles();
      for (boolean training : new boolean[] {false, true}) {
        String what = "%s on %dx%d".formatted(mode(training), shape[0], shape[1]);
        assertClose(
            f.layer.forward(x32, training), d.layer.forward(x64, training), "forward in " + what);
        assertClose(f.layer.backward(g32), d.layer.backward(g64), "input gradient in " + what);
        for (int i = 0; i < f.layer.parameters().size(); i++) {
          Parameter p = f.layer.parameters().get(i);
          assertClose(
              p.gradient(),
              d.layer.parameters().get(i).gradient(),
              "gradient of " + p.name() + " in " + what);
        }
        for (int i = 0; i < f.layer.buffers().size(); i++) {
          Buffer b = f.layer.buffers().get(i);
          assertClose(b.value(), d.layer.buffers().get(i).value(), b.name() + " after " + what);
        }
      }
    }
  }

  @Test
  void trainingAndEvaluationDifferOnlyWhereDeclared() {
    Rng rng = new Rng(4);
    int[] shape = shapes().get(0);
    Instance in = prepared(shape, true, 41);
    Matrix x = randomInput(shape[0], shape[1], rng, true);
    Matrix g = random(shape[0], in.layer.outputSize(), rng, true);
    Matrix evalOut = in.layer.forward(x, false).copy();
    Matrix evalGrad = in.layer.backward(g).copy();
    Matrix trainOut = in.layer.forward(x, true).copy();
    Matrix trainGrad = in.layer.backward(g).copy();
    if (trainingDiffersFromEvaluation()) {
      assertThat(maxDifference(trainOut, evalOut))
          .as(
              "%s declares that training differs from evaluation, but the outputs for one input"
                  + " are the same",
              plugin().id())
          .isGreaterThan(1e-6);
    } else {
      assertIdentical(
          trainOut,
          evalOut,
          "%s declares no difference between training and evaluation: output"
              .formatted(plugin().id()));
      assertIdentical(
          trainGrad,
          evalGrad,
          "%s declares no difference between training and evaluation: input gradient"
              .formatted(plugin().id()));
    }
  }

  @Test
  void evaluationChangesNoState() {
    Rng rng = new Rng(5);
    int[] shape = shapes().get(0);
    Instance in = prepared(shape, true, 51);
    List<Matrix> before = copies(values(in.layer));
    Matrix x = randomInput(shape[0], shape[1], rng, true);
    Matrix first = in.layer.forward(x, false).copy();
    in.layer.backward(random(shape[0], in.layer.outputSize(), rng, true));
    Matrix second = in.layer.forward(x, false);
    assertIdentical(second, first, "a second evaluation of the same input");
    List<Matrix> after = values(in.layer);
    for (int i = 0; i < before.size(); i++) {
      assertIdentical(after.get(i), before.get(i), tensorName(in.layer, i) + " after evaluation");
    }
  }

  @Test
  void dependsOnItsRandomStreamOnlyIfRandomInTraining() {
    Rng rng = new Rng(6);
    int[] shape = shapes().get(0);
    Instance a = prepared(shape, true, 61, 1001);
    Instance b = prepared(shape, true, 61, 1002);
    Matrix x = randomInput(shape[0], shape[1], rng, true);
    List<Matrix> outA = new ArrayList<>();
    List<Matrix> outB = new ArrayList<>();
    for (int step = 0; step < 3; step++) {
      outA.add(a.layer.forward(x, true).copy());
      outB.add(b.layer.forward(x, true).copy());
    }
    if (isRandomInTraining()) {
      assertThat(maxDifference(outA.get(0), outB.get(0)))
          .as("%s: training outputs with differently seeded streams", plugin().id())
          .isGreaterThan(0);
      assertThat(maxDifference(outA.get(0), outA.get(1)) * maxDifference(outA.get(1), outA.get(2)))
          .as(
              "%s: training outputs of consecutive steps on one input (fresh randomness each"
                  + " step)",
              plugin().id())
          .isGreaterThan(0);
    } else {
      for (int step = 0; step < 3; step++) {
        assertIdentical(
            outB.get(step),
            outA.get(step),
            "%s is not random in training, but its output at step %d depends on the seed of its"
                    .formatted(plugin().id(), step)
                + " stream");
      }
    }
  }

  @Test
  void restoringItsStreamRepeatsATrainingStep() {
    Assumptions.assumeTrue(isRandomInTraining(), "not random in training");
    Rng rng = new Rng(10);
    int[] shape = shapes().get(0);
    Instance in = prepared(shape, true, 65);
    Matrix x = randomInput(shape[0], shape[1], rng, true);
    Matrix g = random(shape[0], in.layer.outputSize(), rng, true);
    // What a checkpoint saves of the layer's randomness (Network.streams()).
    long[] saved = in.stream.state();
    Matrix first = in.layer.forward(x, true).copy();
    Matrix firstGrad = in.layer.backward(g).copy();
    in.stream.restore(saved);
    assertIdentical(
        in.layer.forward(x, true),
        first,
        "training output after restoring the state of the layer's stream (draw from"
            + " LayerContext.rng() itself, not from a generator split from it)");
    assertIdentical(in.layer.backward(g), firstGrad, "input gradient after restoring the stream");
  }

  @Test
  void sameSeedGivesTheSameResults() {
    Rng rng = new Rng(7);
    int[] shape = shapes().get(0);
    Instance a = prepared(shape, true, 71);
    Instance b = prepared(shape, true, 71);
    compareTensors(a.layer, b.layer, "after the same initialization and preparation");
    for (int step = 0; step < 3; step++) {
      Matrix x = randomInput(shape[0], shape[1], rng, true);
      Matrix g = random(shape[0], a.layer.outputSize(), rng, true);
      for (boolean training : new boolean[] {true, false}) {
        String what = " in %s at step %d".formatted(mode(training), step);
        Matrix outA = a.layer.forward(x, training).copy();
        assertIdentical(b.layer.forward(x, training), outA, "output" + what);
        Matrix gradA = a.layer.backward(g).copy();
        assertIdentical(b.layer.backward(g), gradA, "input gradient" + what);
        compareTensors(a.layer, b.layer, what);
        compareGradients(a.layer, b.layer, what);
      }
    }
  }

  @Test
  void instancesShareNothing() {
    int[] shape = shapes().get(0);
    int steps = 3;
    List<Matrix[]> batches = new ArrayList<>();
    Rng rng = new Rng(8);
    Instance probe = prepared(shape, true, 81);
    int out = probe.layer.outputSize();
    for (int step = 0; step < steps; step++) {
      batches.add(
          new Matrix[] {
            randomInput(shape[0], shape[1], rng, true),
            random(shape[0], out, rng, true),
            randomInput(shape[0], shape[1], rng, true),
            random(shape[0], out, rng, true)
          });
    }
    // The reference: one instance alone.
    Instance alone = prepared(shape, true, 81);
    List<Matrix[]> expected = new ArrayList<>();
    for (Matrix[] batch : batches) {
      Matrix y = alone.layer.forward(batch[0], true).copy();
      Matrix dx = alone.layer.backward(batch[1]).copy();
      Matrix yEval = alone.layer.forward(batch[0], false).copy();
      expected.add(new Matrix[] {y, dx, yEval});
      step(alone.layer);
    }
    List<Matrix> expectedTensors = copies(values(alone.layer));

    Instance a = prepared(shape, true, 81);
    Instance b = prepared(shape, true, 82);
    Set<Matrix> ofA = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    ofA.addAll(values(a.layer));
    a.layer.parameters().forEach(p -> ofA.add(p.gradient()));
    List<Matrix> ofB = new ArrayList<>(values(b.layer));
    b.layer.parameters().forEach(p -> ofB.add(p.gradient()));
    for (Matrix m : ofB) {
      assertThat(ofA.contains(m))
          .as("%s: two instances hold the same parameter, gradient or buffer matrix", plugin().id())
          .isFalse();
    }
    for (int step = 0; step < steps; step++) {
      Matrix[] batch = batches.get(step);
      String what = " of the first of two interleaved instances at step " + step;
      Matrix y = a.layer.forward(batch[0], true);
      b.layer.forward(batch[2], true);
      assertIdentical(y, expected.get(step)[0], "training output" + what);
      Matrix dx = a.layer.backward(batch[1]);
      b.layer.backward(batch[3]);
      assertIdentical(dx, expected.get(step)[1], "input gradient" + what);
      Matrix yEval = a.layer.forward(batch[0], false);
      b.layer.forward(batch[2], false);
      assertIdentical(yEval, expected.get(step)[2], "evaluation output" + what);
      step(a.layer);
      step(b.layer);
    }
    List<Matrix> tensors = values(a.layer);
    for (int i = 0; i < tensors.size(); i++) {
      assertIdentical(
          tensors.get(i), expectedTensors.get(i), tensorName(a.layer, i) + " after interleaving");
    }
  }

  @Test
  void stepsAllocateNothingAfterTheFirst() {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    Assumptions.assumeTrue(
        bean instanceof com.sun.management.ThreadMXBean t
            && t.isThreadAllocatedMemorySupported()
            && t.isThreadAllocatedMemoryEnabled(),
        "this JVM cannot count allocated bytes");
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
    Kernels.warmUp(3000);
    Rng rng = new Rng(9);
    int inputSize = shapes().get(0)[1];
    Instance in = prepared(new int[] {ALLOCATION_ROWS, inputSize}, false, 91);
    Matrix x = randomInput(ALLOCATION_ROWS, inputSize, rng, false);
    Matrix g = random(ALLOCATION_ROWS, in.layer.outputSize(), rng, false);
    Layer layer = in.layer;
    for (int warm = 0; warm < 3; warm++) {
      steps(layer, x, g, 2000);
    }
    @SuppressWarnings("deprecation") // Thread.threadId() is Java 19+, and the build targets 17.
    long id = Thread.currentThread().getId();
    // Late in a long test JVM, or on a loaded machine, the JIT may still be compiling: measure
    // again until it has settled (a real per-step allocation never settles), for at most 15 s.
    long before = 0;
    long middle = 0;
    long after = Long.MAX_VALUE;
    long deadline = System.nanoTime() + 15_000_000_000L;
    for (int attempt = 0;
        (after - middle) - (middle - before) >= 1024
            && (attempt < 5 || System.nanoTime() < deadline);
        attempt++) {
      before = threads.getThreadAllocatedBytes(id);
      steps(layer, x, g, 100);
      middle = threads.getThreadAllocatedBytes(id);
      steps(layer, x, g, 200);
      after = threads.getThreadAllocatedBytes(id);
    }
    // 100 extra steps: even 16 bytes per step would show as over a kilobyte.
    assertThat((after - middle) - (middle - before))
        .as(
            "%s: bytes allocated by 100 extra training and evaluation steps (%d and %d bytes for"
                + " 100 and 200 steps)",
            plugin().id(), middle - before, after - middle)
        .isLessThan(1024);
  }

  /** Training and evaluation steps, every third on a partial batch of 5 rows. */
  private static void steps(Layer layer, Matrix x, Matrix g, int n) {
    for (int i = 0; i < n; i++) {
      int rows = i % 3 == 2 ? 5 : ALLOCATION_ROWS;
      x.setRows(rows);
      g.setRows(rows);
      layer.forward(x, true);
      layer.backward(g);
      layer.forward(x, false);
      layer.backward(g);
    }
    x.setRows(ALLOCATION_ROWS);
    g.setRows(ALLOCATION_ROWS);
  }

  @Test
  void tensorsAreNamedAfterTheLayerAndStayTheSame() {
    int[] shape = shapes().get(0);
    Instance in = built(newInstance(), shape[1], shape[0] + 3, true, 1101);
    Layer layer = in.layer;
    assertThat(layer.outputSize()).as("%s: output size after build", plugin().id()).isPositive();
    List<Parameter> params = List.copyOf(layer.parameters());
    List<Buffer> buffers = List.copyOf(layer.buffers());
    Set<String> names = new HashSet<>();
    List<String> all = new ArrayList<>();
    params.forEach(p -> all.add(p.name()));
    buffers.forEach(b -> all.add(b.name()));
    for (String name : all) {
      assertThat(name)
          .as("%s: tensor names start with the layer's name %s", plugin().id(), NAME)
          .startsWith(NAME + ".");
      assertThat(name.substring(NAME.length() + 1))
          .as("%s: the rest of %s is lower_snake_case", plugin().id(), name)
          .matches("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");
      assertThat(names.add(name))
          .as("%s: %s is the name of one tensor", plugin().id(), name)
          .isTrue();
    }
    layer.initialize(new Rng(102));
    prepare(layer, shape[1], true, new Rng(103));
    for (int step = 0; step < 3; step++) {
      Matrix x = randomInput(shape[0], shape[1], new Rng(104 + step), true);
      Matrix out = layer.forward(x, true);
      layer.backward(random(out.rows(), out.cols(), new Rng(110 + step), true));
      layer.forward(x, false);
    }
    assertThat(layer.parameters())
        .as("%s: parameters after training", plugin().id())
        .hasSameSizeAs(params);
    assertThat(layer.buffers())
        .as("%s: buffers after training", plugin().id())
        .hasSameSizeAs(buffers);
    for (int i = 0; i < params.size(); i++) {
      Parameter was = params.get(i);
      Parameter now = layer.parameters().get(i);
      assertThat(now.name()).as("%s: name of parameter %d", plugin().id(), i).isEqualTo(was.name());
      assertThat(now.value())
          .as("%s: %s is the matrix it was after build", plugin().id(), was.name())
          .isSameAs(was.value());
      assertThat(now.gradient())
          .as("%s: the gradient of %s is the matrix it was after build", plugin().id(), was.name())
          .isSameAs(was.gradient());
      assertThat(now.value().rows() + "x" + now.value().cols())
          .as("%s: shape of %s", plugin().id(), was.name())
          .isEqualTo(was.value().rows() + "x" + was.value().cols());
    }
    for (int i = 0; i < buffers.size(); i++) {
      Buffer was = buffers.get(i);
      Buffer now = layer.buffers().get(i);
      assertThat(now.name()).as("%s: name of buffer %d", plugin().id(), i).isEqualTo(was.name());
      assertThat(now.value())
          .as("%s: %s is the matrix it was after build", plugin().id(), was.name())
          .isSameAs(was.value());
      assertThat(now.value().rows() + "x" + now.value().cols())
          .as("%s: shape of %s", plugin().id(), was.name())
          .isEqualTo(was.value().rows() + "x" + was.value().cols());
      assertThat(now.value().allFinite())
          .as("%s: %s is finite", plugin().id(), was.name())
          .isTrue();
    }
  }

  @Test
  void touchesOnlyTheRowsInUse() {
    int[] shape = shapes().get(0);
    int rows = shape[0];
    int capacity = rows + 3;
    int cols = shape[1];
    for (boolean doubles : new boolean[] {true, false}) {
      Rng rng = new Rng(doubles ? 121 : 122);
      Instance exact = prepared(new int[] {capacity, cols}, doubles, 123);
      Instance padded = prepared(new int[] {capacity, cols}, doubles, 123);
      int out = exact.layer.outputSize();
      Matrix full = randomInput(capacity, cols, rng, doubles);
      Matrix fullGrad = random(capacity, out, rng, doubles);
      Matrix x = full.copy().setRows(rows).copy();
      Matrix g = fullGrad.copy().setRows(rows).copy();
      // The same first rows with NaN beyond them, which must not reach any result.
      Matrix xPadded = full.copy();
      Matrix gPadded = fullGrad.copy();
      for (int i = rows * cols; i < capacity * cols; i++) {
        xPadded.set(i, Double.NaN);
      }
      for (int i = rows * out; i < capacity * out; i++) {
        gPadded.set(i, Double.NaN);
      }
      xPadded.setRows(rows);
      gPadded.setRows(rows);
      Matrix xBefore = all(xPadded);
      Matrix gBefore = all(gPadded);
      for (boolean training : new boolean[] {true, false}) {
        String what = " in %s (%s)".formatted(mode(training), doubles ? "float64" : "float32");
        // Full batches first, so that the layer's own buffers hold values beyond the rows in use.
        exact.layer.forward(full, training);
        exact.layer.backward(fullGrad);
        Matrix outFull = all(padded.layer.forward(full, training));
        Matrix gradFull = all(padded.layer.backward(fullGrad));

        Matrix expectedOut = exact.layer.forward(x, training).copy();
        Matrix y = padded.layer.forward(xPadded, training);
        assertThat(y.rows() + "x" + y.cols())
            .as("%s: shape of the output%s", plugin().id(), what)
            .isEqualTo(rows + "x" + out);
        assertIdentical(y, expectedOut, "output with NaN beyond the rows in use" + what);
        assertIdentical(all(xPadded), xBefore, "input (all rows) after forward" + what);
        if (y != xPadded) {
          assertBeyond(y, outFull, rows, "forward wrote the output beyond the rows in use" + what);
        }
        Matrix expectedGrad = exact.layer.backward(g).copy();
        Matrix dx = padded.layer.backward(gPadded);
        assertThat(dx.rows() + "x" + dx.cols())
            .as("%s: shape of the input gradient%s", plugin().id(), what)
            .isEqualTo(rows + "x" + cols);
        assertIdentical(dx, expectedGrad, "input gradient with NaN beyond the rows in use" + what);
        assertIdentical(all(gPadded), gBefore, "output gradient (all rows) after backward" + what);
        assertIdentical(all(xPadded), xBefore, "input (all rows) after backward" + what);
        if (dx != gPadded) {
          assertBeyond(
              dx,
              gradFull,
              rows,
              "backward wrote the input gradient beyond the rows in use" + what);
        }
        compareGradients(exact.layer, padded.layer, what);
        compareTensors(exact.layer, padded.layer, what);
      }
    }
  }

  @Test
  void backwardOverwritesEveryParameterGradient() {
    Rng rng = new Rng(13);
    int[] shape = shapes().get(0);
    for (boolean training : new boolean[] {true, false}) {
      Instance in = prepared(shape, true, 131);
      Matrix x = randomInput(shape[0], shape[1], rng, true);
      Matrix g = random(shape[0], in.layer.outputSize(), rng, true);
      in.layer.forward(x, training);
      in.layer.backward(g);
      List<Matrix> first = new ArrayList<>();
      for (Parameter p : in.layer.parameters()) {
        first.add(p.gradient().copy());
        p.gradient().fill(Double.NaN);
      }
      in.layer.backward(g);
      for (int i = 0; i < first.size(); i++) {
        assertIdentical(
            in.layer.parameters().get(i).gradient(),
            first.get(i),
            "gradient of %s from a second backward (%s), written over NaN"
                .formatted(in.layer.parameters().get(i).name(), mode(training)));
      }
    }
  }

  @Test
  void derivedDefaultsAreWhatCreatePicksWithoutThem() {
    Params given = Params.resolve(plugin().params(), new HashMap<>(parameters()));
    Map<String, Object> derived = plugin().derivedDefaults(given);
    Assumptions.assumeFalse(derived.isEmpty(), "no derived defaults for these parameters");
    Map<String, Object> withDerived = new HashMap<>(parameters());
    for (Map.Entry<String, Object> e : derived.entrySet()) {
      Param<?> declared =
          plugin().params().stream()
              .filter(p -> p.name().equals(e.getKey()))
              .findFirst()
              .orElse(null);
      assertThat(declared)
          .as("%s derives a default for %s, which it does not declare", plugin().id(), e.getKey())
          .isNotNull();
      assertThat(given.has(declared))
          .as("%s derives a default for %s, which was given", plugin().id(), e.getKey())
          .isFalse();
      withDerived.put(e.getKey(), e.getValue());
    }
    Layer explicit = plugin().create(Params.resolve(plugin().params(), withDerived));
    int[] shape = shapes().get(0);
    Instance a = built(newInstance(), shape[1], shape[0], true, 1141);
    Instance b = built(explicit, shape[1], shape[0], true, 1141);
    a.layer.initialize(new Rng(142));
    b.layer.initialize(new Rng(142));
    compareTensors(a.layer, b.layer, "left out and given as derived " + derived);
    Matrix x = randomInput(shape[0], shape[1], new Rng(143), true);
    assertIdentical(
        b.layer.forward(x, false),
        a.layer.forward(x, false).copy(),
        "output with parameters left out and given as derived " + derived);
  }

  // ---- building

  /** A layer built by the contract, and the random stream its context gave it. */
  private record Instance(Layer layer, Rng stream) {}

  /** The context the contract builds layers with. */
  private final class Context implements LayerContext {
    private final int maxBatchRows;
    private final boolean doubles;
    private final Rng rng;

    Context(int maxBatchRows, boolean doubles, Rng rng) {
      this.maxBatchRows = maxBatchRows;
      this.doubles = doubles;
      this.rng = rng;
    }

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public int maxBatchRows() {
      return maxBatchRows;
    }

    @Override
    public Matrix matrix(int rows, int cols) {
      return doubles ? Matrix.doubles(rows, cols) : Matrix.floats(rows, cols);
    }

    @Override
    public Kernels kernels() {
      return Kernels.singleThreaded();
    }

    @Override
    public Rng rng() {
      return rng;
    }

    @Override
    public <T> T create(ComponentSpec spec, Class<T> type) {
      return component(spec, type);
    }
  }

  private Instance built(
      Layer layer, int inputSize, int maxBatchRows, boolean doubles, long streamSeed) {
    Context context =
        new Context(Math.max(maxBatchRows, PREPARE_ROWS), doubles, new Rng(streamSeed));
    layer.build(inputSize, context);
    return new Instance(layer, context.rng());
  }

  /** A new instance for batches of {@code shape}, three rows spare, initialized and prepared. */
  private Instance prepared(int[] shape, boolean doubles, long seed) {
    return prepared(shape, doubles, seed, seed + 1000);
  }

  private Instance prepared(int[] shape, boolean doubles, long seed, long streamSeed) {
    Instance in = built(newInstance(), shape[1], shape[0] + 3, doubles, streamSeed);
    in.layer.initialize(new Rng(seed));
    prepare(in.layer, shape[1], doubles, new Rng(seed + 1));
    return in;
  }

  /**
   * The gradient check in training mode, on a new instance per evaluation of the objective.
   *
   * <p>Training may draw random values and change state, so every evaluation runs on a new instance
   * prepared exactly as the one under test (same seeds, same steps: the same state and the same
   * position in its random stream), given the parameter values of the one under test.
   */
  private GradientCheck.Result trainingGradientCheck(int[] shape, Rng rng) {
    long seed = 21;
    Instance base = prepared(shape, true, seed);
    Matrix x = randomInput(shape[0], shape[1], rng, true);
    Matrix g = random(shape[0], base.layer.outputSize(), rng, true);
    Layer analytic = twin(base, shape, seed);
    analytic.forward(x, true);
    Matrix gradInput = analytic.backward(g).copy();
    List<Matrix> paramGrads = new ArrayList<>();
    for (Parameter p : analytic.parameters()) {
      paramGrads.add(p.gradient().copy());
    }
    Objective objective = () -> dot(g, twin(base, shape, seed).forward(x, true));
    Worst worst = new Worst();
    compare("input", x, gradInput, objective, worst);
    List<Parameter> params = base.layer.parameters();
    for (int i = 0; i < params.size(); i++) {
      compare(params.get(i).name(), params.get(i).value(), paramGrads.get(i), objective, worst);
    }
    return new GradientCheck.Result(worst.error, worst.where, worst.analytic, worst.numeric);
  }

  /** A new instance prepared as {@code base} was, holding {@code base}'s parameter values now. */
  private Layer twin(Instance base, int[] shape, long seed) {
    Instance twin = prepared(shape, true, seed);
    List<Parameter> from = base.layer.parameters();
    List<Parameter> to = twin.layer.parameters();
    for (int i = 0; i < from.size(); i++) {
      to.get(i).value().copyFrom(from.get(i).value());
    }
    return twin.layer;
  }

  @FunctionalInterface
  private interface Objective {
    double value();
  }

  private static final class Worst {
    double error = 0;
    String where = "nothing";
    double analytic;
    double numeric;
  }

  /** Central differences as {@link GradientCheck} takes them, with its error measure. */
  private static void compare(
      String name, Matrix x, Matrix analytic, Objective objective, Worst worst) {
    double step = GradientCheck.STEP;
    for (int i = 0; i < x.size(); i++) {
      double saved = x.get(i);
      x.set(i, saved + step);
      double plus = objective.value();
      x.set(i, saved - step);
      double minus = objective.value();
      x.set(i, saved);
      double numeric = (plus - minus) / (2 * step);
      double a = analytic.get(i);
      double error =
          Math.abs(a - numeric) / Math.max(1.0, Math.max(Math.abs(a), Math.abs(numeric)));
      if (!(error <= worst.error)) { // NaN counts as the worst
        worst.error = Double.isNaN(error) ? Double.POSITIVE_INFINITY : error;
        worst.where = name + "[" + i + "]";
        worst.analytic = a;
        worst.numeric = numeric;
      }
    }
  }

  // ---- small pieces

  private static String mode(boolean training) {
    return training ? "training" : "evaluation";
  }

  private static Matrix random(int rows, int cols, Rng rng, boolean doubles) {
    Matrix m = GradientCheck.random(rows, cols, rng);
    return doubles ? m : m.toFloats();
  }

  private static double dot(Matrix a, Matrix b) {
    double s = 0;
    for (int i = 0; i < a.size(); i++) {
      s += a.get(i) * b.get(i);
    }
    return s;
  }

  /** Plain gradient descent with step 0.01, so that state moves between steps. */
  private static void step(Layer layer) {
    for (Parameter p : layer.parameters()) {
      for (int i = 0; i < p.value().size(); i++) {
        p.value().set(i, p.value().get(i) - 0.01 * p.gradient().get(i));
      }
    }
  }

  /** Every parameter value, then every buffer, as the layer lists them. */
  private static List<Matrix> values(Layer layer) {
    List<Matrix> out = new ArrayList<>();
    layer.parameters().forEach(p -> out.add(p.value()));
    layer.buffers().forEach(b -> out.add(b.value()));
    return out;
  }

  private static String tensorName(Layer layer, int i) {
    int params = layer.parameters().size();
    return i < params ? layer.parameters().get(i).name() : layer.buffers().get(i - params).name();
  }

  private static List<Matrix> copies(List<Matrix> matrices) {
    List<Matrix> out = new ArrayList<>();
    matrices.forEach(m -> out.add(m.copy()));
    return out;
  }

  /** A copy of every row the matrix can hold, not only those in use. */
  private static Matrix all(Matrix m) {
    int rows = m.rows();
    m.setRows(m.capacityRows());
    Matrix copy = m.copy();
    m.setRows(rows);
    return copy;
  }

  private void assertBeyond(Matrix m, Matrix before, int rows, String what) {
    Matrix now = all(m);
    int cols = m.cols();
    int end = Math.min(now.size(), before.size());
    for (int i = rows * cols; i < end; i++) {
      double a = now.get(i);
      double e = before.get(i);
      if (!(a == e || (Double.isNaN(a) && Double.isNaN(e)))) {
        assertThat(a).as("%s: %s, at [%d]", plugin().id(), what, i).isEqualTo(e);
      }
    }
  }

  private void compareTensors(Layer expected, Layer actual, String what) {
    List<Matrix> e = values(expected);
    List<Matrix> a = values(actual);
    assertThat(a).as("%s: number of tensors %s", plugin().id(), what).hasSameSizeAs(e);
    for (int i = 0; i < e.size(); i++) {
      assertIdentical(a.get(i), e.get(i), tensorName(expected, i) + " " + what);
    }
  }

  private void compareGradients(Layer expected, Layer actual, String what) {
    for (int i = 0; i < expected.parameters().size(); i++) {
      Parameter p = expected.parameters().get(i);
      assertIdentical(
          actual.parameters().get(i).gradient(), p.gradient(), "gradient of " + p.name() + what);
    }
  }

  /** Copies parameter values and buffers from one instance into another of the same shapes. */
  private static void copyState(Layer from, Layer to) {
    List<Matrix> source = values(from);
    List<Matrix> target = values(to);
    for (int i = 0; i < source.size(); i++) {
      target.get(i).copyFrom(source.get(i));
    }
  }

  private static double maxDifference(Matrix a, Matrix b) {
    double max = 0;
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      double d = Math.abs(a.get(i) - b.get(i));
      max = Double.isNaN(d) ? Double.POSITIVE_INFINITY : Math.max(max, d);
    }
    return max;
  }

  private void assertClose(Matrix actual32, Matrix expected64, String what) {
    assertThat(actual32.rows() + "x" + actual32.cols())
        .as("%s: shape of %s", plugin().id(), what)
        .isEqualTo(expected64.rows() + "x" + expected64.cols());
    for (int i = 0; i < expected64.size(); i++) {
      double expected = expected64.get(i);
      double error = Math.abs(actual32.get(i) - expected) / Math.max(1.0, Math.abs(expected));
      assertThat(error)
          .as(
              "%s of %s: float32 %s vs float64 %s at [%d]",
              what, plugin().id(), actual32.get(i), expected, i)
          .isLessThanOrEqualTo(FLOAT_TOLERANCE);
    }
  }

  /** Equal values, NaN equal to NaN (and 0 to -0): what "the same bits" means for results. */
  private void assertIdentical(Matrix actual, Matrix expected, String what) {
    assertThat(actual.rows() + "x" + actual.cols())
        .as("%s: shape of %s", plugin().id(), what)
        .isEqualTo(expected.rows() + "x" + expected.cols());
    for (int i = 0; i < expected.size(); i++) {
      double a = actual.get(i);
      double e = expected.get(i);
      if (!(a == e || (Double.isNaN(a) && Double.isNaN(e)))) {
        assertThat(a).as("%s: %s at [%d]", plugin().id(), what, i).isEqualTo(e);
      }
    }
  }
}
