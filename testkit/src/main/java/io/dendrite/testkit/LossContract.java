package io.dendrite.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.check.GradientCheck;
import io.dendrite.core.param.Params;
import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.Activation;
import io.dendrite.core.spi.ActivationPlugin;
import io.dendrite.core.spi.ComponentSpec;
import io.dendrite.core.spi.Loss;
import io.dendrite.core.spi.PluginKind;
import io.dendrite.core.tensor.Matrix;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.ServiceLoader;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What every loss plugin must do. Extend it, implement {@link #plugin()}, and override {@link
 * #sample} when the loss expects something other than probability rows and one-hot targets.
 *
 * <ul>
 *   <li>The gradient {@code evaluate} writes <b>must</b> agree with finite differences of its value
 *       in double precision, for the plain loss and for every fused form ({@link Loss#fusedWith})
 *       named in {@link #fusableActivations()}.
 *   <li>The value <b>must</b> be the mean of the rows' losses, and the gradient the row gradient
 *       divided by the row count; it <b>must not</b> depend on whether a gradient is asked for.
 *   <li>Fused losses <b>must</b> give finite values and gradients for logits of ±1e4.
 *   <li>Perfect predictions <b>must</b> give a loss no larger than any other prediction.
 * </ul>
 *
 * See {@code testkit/README.md} for the full list.
 */
public abstract class LossContract extends PluginContract<Loss> {
  /** How far float32 results may be from float64 ones, relative to {@code max(1, |value|)}. */
  protected static final double FLOAT_TOLERANCE = 1e-5;

  /**
   * How far two float64 computations of the same value may be, relative to {@code max(1, |value|)}.
   */
  protected static final double DOUBLE_TOLERANCE = 1e-9;

  /** Ids of common activations; a loss that fuses with one of them must list it. */
  private static final List<String> COMMON_ACTIVATIONS =
      List.of("identity", "linear", "relu", "sigmoid", "tanh", "softmax");

  /**
   * Network outputs and the targets they are scored against: float64 matrices of one shape.
   *
   * @param outputs what the network produced (or, for a fused loss, the logits)
   * @param targets what it should have produced
   */
  public record Sample(Matrix outputs, Matrix targets) {}

  @Override
  protected PluginKind kind() {
    return PluginKind.LOSS;
  }

  /**
   * Random outputs and matching targets in the loss's domain. The default gives rows of
   * probabilities (softmax of standard-normal values, all well above 0) and one-hot targets, as for
   * classification; override it for regression or multi-label losses.
   */
  protected Sample sample(int rows, int cols, Rng rng) {
    Matrix outputs = Matrix.doubles(rows, cols);
    Matrix targets = Matrix.doubles(rows, cols);
    for (int r = 0; r < rows; r++) {
      double sum = 0;
      for (int c = 0; c < cols; c++) {
        double e = Math.exp(rng.nextGaussian());
        outputs.set(r, c, e);
        sum += e;
      }
      for (int c = 0; c < cols; c++) {
        outputs.set(r, c, outputs.get(r, c) / sum);
      }
      targets.set(r, rng.nextInt(cols), 1.0);
    }
    return new Sample(outputs, targets);
  }

  /**
   * Ids of the activations this loss fuses with, each checked like the plain loss. Defaults to
   * none; {@code cross_entropy}, for example, lists {@code softmax}.
   */
  protected List<String> fusableActivations() {
    return List.of();
  }

  /**
   * Logits and targets for the loss fused with {@code activationId}: by default twice standard
   * normal values, with the targets of {@link #sample}.
   */
  protected Sample fusedSample(String activationId, int rows, int cols, Rng rng) {
    Matrix targets = sample(rows, cols, rng).targets();
    Matrix logits = Matrix.doubles(rows, cols);
    for (int i = 0; i < logits.size(); i++) {
      logits.set(i, 2 * rng.nextGaussian());
    }
    return new Sample(logits, targets);
  }

  /**
   * The activation {@code id} with default parameters, to compare a fused loss with the plain loss
   * applied to its output; null when it is not available. The default looks it up with {@link
   * ServiceLoader}; override it when the activation is not on the test class path.
   */
  protected Activation activation(String id) {
    for (ActivationPlugin p : ServiceLoader.load(ActivationPlugin.class)) {
      if (p.id().equals(id) || p.aliases().contains(id)) {
        return p.create(Params.defaults(p.params()));
      }
    }
    return null;
  }

  /**
   * Outputs at the edge of the loss's domain for {@code targets}, where the loss must still be
   * finite. The default moves each row of the targets one column to the right: a confident wrong
   * answer, with probabilities of exactly 0 and 1.
   */
  protected Matrix extremeOutputs(Matrix targets) {
    Matrix out = targets.like(targets.rows(), targets.cols());
    int cols = targets.cols();
    for (int r = 0; r < targets.rows(); r++) {
      for (int c = 0; c < cols; c++) {
        out.set(r, (c + 1) % cols, targets.get(r, c));
      }
    }
    return out;
  }

  /** The outputs that match {@code targets} perfectly; by default the targets themselves. */
  protected Matrix perfectOutputs(Matrix targets) {
    return targets.copy();
  }

  /** The exact loss at {@link #perfectOutputs} when it is known (0 for most losses). */
  protected OptionalDouble lossAtPerfectOutputs() {
    return OptionalDouble.empty();
  }

  /** Shapes (rows, columns) the checks run on. */
  protected List<int[]> shapes() {
    return List.of(new int[] {1, 3}, new int[] {4, 5}, new int[] {8, 10});
  }

  @Test
  void gradientAgreesWithFiniteDifferences() {
    Rng rng = new Rng(11);
    for (int[] shape : shapes()) {
      Sample s = sample(shape[0], shape[1], rng);
      GradientCheck.Result result = GradientCheck.ofLoss(newInstance(), s.outputs(), s.targets());
      assertThat(result.passes())
          .as("gradient check of %s on %dx%d: %s", plugin().id(), shape[0], shape[1], result)
          .isTrue();
    }
  }

  @Test
  void valueIsTheMeanOfTheRowLosses() {
    checkMeanOverRows(newInstance(), sample(6, 4, new Rng(12)), plugin().id());
  }

  @Test
  void valueDoesNotDependOnAskingForTheGradientAndInputsStayUnchanged() {
    checkValueAndInputs(newInstance(), sample(5, 4, new Rng(13)), plugin().id());
  }

  @Test
  void float32AgreesWithFloat64() {
    checkFloat32(newInstance(), sample(6, 5, new Rng(14)), plugin().id());
  }

  @Test
  void touchesOnlyTheRowsInUse() {
    checkRowsInUse(newInstance(), sample(6, 4, new Rng(15)), plugin().id());
  }

  @Test
  void isFiniteAtTheEdgesOfItsDomain() {
    Sample s = sample(4, 5, new Rng(16));
    checkFinite(newInstance(), new Sample(extremeOutputs(s.targets()), s.targets()), plugin().id());
  }

  @Test
  void perfectOutputsGiveTheSmallestLoss() {
    Rng rng = new Rng(17);
    for (int i = 0; i < 20; i++) {
      Sample s = sample(4, 5, rng);
      Loss loss = newInstance();
      double perfect = loss.evaluate(perfectOutputs(s.targets()), s.targets(), null);
      double other = loss.evaluate(s.outputs(), s.targets(), null);
      assertThat(perfect)
          .as("%s at perfect outputs vs at random outputs", plugin().id())
          .isLessThanOrEqualTo(other);
      OptionalDouble expected = lossAtPerfectOutputs();
      if (expected.isPresent()) {
        assertThat(perfect)
            .as("%s at perfect outputs", plugin().id())
            .isCloseTo(expected.getAsDouble(), Offset.offset(1e-9));
      }
    }
  }

  /** Skips a fused-form check, saying why, when the loss fuses with nothing. */
  private void assumeFusable() {
    Assumptions.assumeFalse(
        fusableActivations().isEmpty(),
        plugin().id() + " lists no fusable activations (fusableActivations() is empty)");
  }

  @Test
  void fusesWithEveryListedActivation() {
    assumeFusable();
    for (String id : fusableActivations()) {
      assertThat(newInstance().fusedWith(spec(id)))
          .as("%s.fusedWith(%s), listed in fusableActivations()", plugin().id(), id)
          .isNotNull();
    }
  }

  @Test
  void everyFusedFormIsListed() {
    Set<String> ids = new LinkedHashSet<>(COMMON_ACTIVATIONS);
    for (ActivationPlugin p : ServiceLoader.load(ActivationPlugin.class)) {
      ids.add(p.id());
    }
    for (String id : ids) {
      if (newInstance().fusedWith(spec(id)) != null) {
        assertThat(fusableActivations())
            .as("%s fuses with %s, so fusableActivations() must list it", plugin().id(), id)
            .contains(id);
      }
    }
  }

  @Test
  void fusedGradientsAgreeWithFiniteDifferences() {
    assumeFusable();
    Rng rng = new Rng(18);
    for (String id : fusableActivations()) {
      for (int[] shape : shapes()) {
        Sample s = fusedSample(id, shape[0], shape[1], rng);
        GradientCheck.Result result = GradientCheck.ofLoss(fused(id), s.outputs(), s.targets());
        assertThat(result.passes())
            .as(
                "gradient check of %s fused with %s on %dx%d logits: %s",
                plugin().id(), id, shape[0], shape[1], result)
            .isTrue();
      }
    }
  }

  @Test
  void fusedLossesBehaveLikeLosses() {
    assumeFusable();
    for (String id : fusableActivations()) {
      String what = plugin().id() + " fused with " + id;
      Rng rng = new Rng(19);
      checkMeanOverRows(fused(id), fusedSample(id, 6, 4, rng), what);
      checkValueAndInputs(fused(id), fusedSample(id, 5, 4, rng), what);
      checkFloat32(fused(id), fusedSample(id, 6, 5, rng), what);
      checkRowsInUse(fused(id), fusedSample(id, 6, 4, rng), what);
    }
  }

  @Test
  void fusedLossesAreFiniteForExtremeLogits() {
    assumeFusable();
    for (String id : fusableActivations()) {
      Matrix targets = fusedSample(id, 4, 6, new Rng(20)).targets();
      Matrix logits = Matrix.doubles(4, 6);
      for (int r = 0; r < 4; r++) {
        for (int c = 0; c < 6; c++) {
          double sign =
              switch (r) {
                case 0 -> c % 2 == 0 ? 1 : -1; // mixed
                case 1 -> targets.get(r, c) > 0 ? -1 : 1; // confidently wrong
                case 2 -> targets.get(r, c) > 0 ? 1 : -1; // confidently right
                default -> 1; // all equal and huge
              };
          logits.set(r, c, sign * 1e4);
        }
      }
      checkFinite(fused(id), new Sample(logits, targets), plugin().id() + " fused with " + id);
    }
  }

  @Test
  void fusedLossesEqualTheLossOfTheActivationOutput() {
    assumeFusable();
    List<String> missing = new ArrayList<>();
    for (String id : fusableActivations()) {
      if (activation(id) == null) {
        missing.add(id);
      }
    }
    Assumptions.assumeTrue(
        missing.isEmpty(),
        "activations "
            + missing
            + " are not on the test class path, so the fused forms cannot be compared with the"
            + " plain loss of their output: override activation(id)");
    for (String id : fusableActivations()) {
      Activation activation = activation(id);
      Sample s = fusedSample(id, 5, 4, new Rng(21));
      Matrix fusedGrad = s.outputs().like(5, 4);
      double fused = fused(id).evaluate(s.outputs(), s.targets(), fusedGrad);

      Matrix a = s.outputs().like(5, 4);
      activation.forward(s.outputs(), a);
      Matrix gradA = a.like(5, 4);
      double plain = newInstance().evaluate(a, s.targets(), gradA);
      Matrix chained = a.like(5, 4);
      activation.backward(s.outputs(), a, gradA, chained);

      String what = plugin().id() + " fused with " + id;
      assertThat(relativeError(fused, plain))
          .as("%s: %s, plain loss of %s output: %s", what, fused, id, plain)
          .isLessThanOrEqualTo(1e-7);
      assertClose(fusedGrad, chained, 1e-7, what + ": gradient vs chained plain gradient");
    }
  }

  /** A fused loss for {@code id}. */
  protected Loss fused(String id) {
    Loss fused = newInstance().fusedWith(spec(id));
    assertThat(fused).as("%s.fusedWith(%s)", plugin().id(), id).isNotNull();
    return fused;
  }

  private ComponentSpec spec(String id) {
    return ComponentSpec.of(PluginKind.ACTIVATION, id);
  }

  private static void checkMeanOverRows(Loss loss, Sample s, String what) {
    int rows = s.outputs().rows();
    int cols = s.outputs().cols();
    Matrix grad = s.outputs().like(rows, cols);
    double batch = loss.evaluate(s.outputs(), s.targets(), grad);
    double sum = 0;
    for (int r = 0; r < rows; r++) {
      Matrix out = row(s.outputs(), r);
      Matrix rowGrad = out.like(1, cols);
      sum += loss.evaluate(out, row(s.targets(), r), rowGrad);
      for (int c = 0; c < cols; c++) {
        double expected = rowGrad.get(c) / rows;
        assertThat(relativeError(grad.get(r, c), expected))
            .as(
                "%s: batch gradient [%d,%d] = %s, row gradient / rows = %s",
                what, r, c, grad.get(r, c), expected)
            .isLessThanOrEqualTo(DOUBLE_TOLERANCE);
      }
    }
    assertThat(relativeError(batch, sum / rows))
        .as("%s: batch loss %s vs mean of row losses %s", what, batch, sum / rows)
        .isLessThanOrEqualTo(DOUBLE_TOLERANCE);
  }

  private static void checkValueAndInputs(Loss loss, Sample s, String what) {
    Matrix outputs = s.outputs().copy();
    Matrix targets = s.targets().copy();
    Matrix grad = outputs.like(outputs.rows(), outputs.cols()).fill(Double.NaN);
    double withGradient = loss.evaluate(s.outputs(), s.targets(), grad);
    double without = loss.evaluate(s.outputs(), s.targets(), null);
    assertThat(relativeError(without, withGradient))
        .as("%s without gradient %s vs with %s", what, without, withGradient)
        .isLessThanOrEqualTo(DOUBLE_TOLERANCE);
    assertThat(grad.allFinite()).as("%s wrote every gradient value", what).isTrue();
    assertClose(s.outputs(), outputs, 0, what + ": evaluate changed the outputs");
    assertClose(s.targets(), targets, 0, what + ": evaluate changed the targets");
  }

  private static void checkFloat32(Loss loss, Sample s, String what) {
    Matrix out32 = s.outputs().toFloats();
    Matrix targets32 = s.targets().toFloats();
    Matrix grad32 = out32.like(out32.rows(), out32.cols());
    double value32 = loss.evaluate(out32, targets32, grad32);
    Matrix grad64 = Matrix.doubles(out32.rows(), out32.cols());
    double value64 = loss.evaluate(out32.toDoubles(), targets32.toDoubles(), grad64);
    assertThat(relativeError(value32, value64))
        .as("%s: float32 loss %s vs float64 %s", what, value32, value64)
        .isLessThanOrEqualTo(FLOAT_TOLERANCE);
    assertClose(grad32, grad64, FLOAT_TOLERANCE, what + ": float32 gradient vs float64");
  }

  private static void checkRowsInUse(Loss loss, Sample s, String what) {
    int rows = s.outputs().rows();
    int cols = s.outputs().cols();
    int used = rows - 2;
    Matrix grad = s.outputs().like(rows, cols).fill(-7);
    Matrix outputs = s.outputs().copy().setRows(used);
    Matrix targets = s.targets().copy().setRows(used);
    double value = loss.evaluate(outputs, targets, grad.setRows(used));
    grad.setRows(rows);
    for (int i = used * cols; i < rows * cols; i++) {
      assertThat(grad.get(i))
          .as("%s wrote gradient [%d] beyond the rows in use", what, i)
          .isEqualTo(-7.0);
    }
    Matrix firstOutputs = Matrix.doubles(used, cols);
    Matrix firstTargets = Matrix.doubles(used, cols);
    for (int i = 0; i < used * cols; i++) {
      firstOutputs.set(i, s.outputs().get(i));
      firstTargets.set(i, s.targets().get(i));
    }
    assertThat(relativeError(value, loss.evaluate(firstOutputs, firstTargets, null)))
        .as("%s on the first %d rows of a larger buffer", what, used)
        .isLessThanOrEqualTo(DOUBLE_TOLERANCE);
  }

  private static void checkFinite(Loss loss, Sample s, String what) {
    for (boolean doubles : new boolean[] {true, false}) {
      Matrix outputs = doubles ? s.outputs() : s.outputs().toFloats();
      Matrix targets = doubles ? s.targets() : s.targets().toFloats();
      Matrix grad = outputs.like(outputs.rows(), outputs.cols());
      double value = loss.evaluate(outputs, targets, grad);
      String precision = doubles ? "float64" : "float32";
      assertThat(Double.isFinite(value))
          .as("%s (%s) is finite at %s: %s", what, precision, describe(outputs), value)
          .isTrue();
      assertThat(grad.allFinite())
          .as("%s (%s) gradient is finite at %s", what, precision, describe(outputs))
          .isTrue();
    }
  }

  private static String describe(Matrix m) {
    List<Double> values = new ArrayList<>();
    for (int i = 0; i < Math.min(m.size(), 12); i++) {
      values.add(m.get(i));
    }
    return values + (m.size() > 12 ? "..." : "");
  }

  private static Matrix row(Matrix m, int r) {
    Matrix out = Matrix.doubles(1, m.cols());
    for (int c = 0; c < m.cols(); c++) {
      out.set(c, m.get(r, c));
    }
    return out;
  }

  private static double relativeError(double actual, double expected) {
    return Math.abs(actual - expected) / Math.max(1.0, Math.abs(expected));
  }

  private static void assertClose(Matrix actual, Matrix expected, double tolerance, String what) {
    for (int i = 0; i < expected.size(); i++) {
      assertThat(relativeError(actual.get(i), expected.get(i)))
          .as("%s at [%d]: %s vs %s", what, i, actual.get(i), expected.get(i))
          .isLessThanOrEqualTo(tolerance);
    }
  }
}
