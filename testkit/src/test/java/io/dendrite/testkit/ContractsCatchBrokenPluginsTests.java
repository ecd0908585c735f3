package io.dendrite.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dendrite.core.spi.Activation;
import io.dendrite.core.spi.ComponentSpec;
import io.dendrite.core.spi.Initializer;
import io.dendrite.core.spi.Loss;
import io.dendrite.core.spi.Optimizer;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.spi.support.ElementwiseActivation;
import io.dendrite.core.spi.support.RowwiseActivation;
import io.dendrite.core.spi.support.RowwiseLoss;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.core.tensor.Parameter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Each contract check fails for a plugin that breaks the rule it states. */
class ContractsCatchBrokenPluginsTests {
  private static void fails(ThrowingCallable check) {
    assertThatThrownBy(check).isInstanceOf(AssertionError.class);
  }

  // ---- activations

  private static ActivationContract activation(Supplier<Activation> factory) {
    return new ActivationContract() {
      @Override
      protected Plugin<Activation> plugin() {
        return Fixtures.plugin("broken", factory);
      }
    };
  }

  private static class Tanh extends ElementwiseActivation {
    @Override
    protected double apply(double x) {
      return Math.tanh(x);
    }

    @Override
    protected double derivative(double x, double y) {
      return 1 - y * y;
    }
  }

  @Test
  void activationWithAWrongDerivative() {
    fails(
        activation(
                () ->
                    new Tanh() {
                      @Override
                      protected double derivative(double x, double y) {
                        return 1 - y;
                      }
                    })
            ::backwardAgreesWithFiniteDifferences);
  }

  @Test
  void activationWhoseFloatPathIsACrudeApproximation() {
    fails(
        activation(
                () ->
                    new Tanh() {
                      @Override
                      public void forward(Matrix z, Matrix a) {
                        if (z.isDouble()) {
                          super.forward(z, a);
                          return;
                        }
                        for (int i = 0; i < z.size(); i++) {
                          a.set(i, Math.max(-1, Math.min(1, z.get(i))));
                        }
                      }
                    })
            ::float32AgreesWithFloat64);
  }

  @Test
  void softmaxWithoutTheMaximumShiftOverflows() {
    fails(
        activation(
                () ->
                    new RowwiseActivation() {
                      @Override
                      protected void forwardRow(double[] z, double[] a, int n) {
                        double sum = 0;
                        for (int i = 0; i < n; i++) {
                          sum += Math.exp(z[i]);
                        }
                        for (int i = 0; i < n; i++) {
                          a[i] = Math.exp(z[i]) / sum;
                        }
                      }

                      @Override
                      protected void backwardRow(
                          double[] z, double[] a, double[] gradA, double[] gradZ, int n) {
                        double dot = 0;
                        for (int i = 0; i < n; i++) {
                          dot += gradA[i] * a[i];
                        }
                        for (int i = 0; i < n; i++) {
                          gradZ[i] = a[i] * (gradA[i] - dot);
                        }
                      }
                    })
            ::extremeInputsGiveFiniteValues);
  }

  @Test
  void activationThatOverwritesItsInput() {
    fails(
        activation(
                () ->
                    new Tanh() {
                      @Override
                      public void forward(Matrix z, Matrix a) {
                        super.forward(z, a);
                        z.fill(0);
                      }
                    })
            ::forwardAndBackwardLeaveTheirInputsUnchanged);
  }

  /** {@code a_i = z_i + z_(i+1)} within a row; its backward reads a neighbour it overwrote. */
  private static final class NeighbourSum implements Activation {
    @Override
    public void forward(Matrix z, Matrix a) {
      for (int r = 0; r < z.rows(); r++) {
        for (int c = 0; c < z.cols(); c++) {
          a.set(r, c, z.get(r, c) + (c + 1 < z.cols() ? z.get(r, c + 1) : 0));
        }
      }
    }

    @Override
    public void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ) {
      for (int r = 0; r < z.rows(); r++) {
        for (int c = 0; c < z.cols(); c++) {
          gradZ.set(r, c, gradA.get(r, c) + (c > 0 ? gradA.get(r, c - 1) : 0));
        }
      }
    }
  }

  @Test
  void activationWhoseBackwardCannotRunInPlace() {
    ActivationContract contract = activation(NeighbourSum::new);
    contract.backwardAgreesWithFiniteDifferences();
    fails(contract::backwardInPlaceEqualsBackwardIntoAnotherMatrix);
  }

  @Test
  void activationThatWritesTheWholeBuffer() {
    fails(
        activation(
                () ->
                    new Tanh() {
                      @Override
                      public void forward(Matrix z, Matrix a) {
                        int capacity = a.capacityRows();
                        int rows = z.rows();
                        z.setRows(capacity);
                        a.setRows(capacity);
                        super.forward(z, a);
                        z.setRows(rows);
                        a.setRows(rows);
                      }
                    })
            ::touchesOnlyTheRowsInUse);
  }

  // ---- losses

  private static LossContract loss(Supplier<Loss> factory, List<String> fusable) {
    return new LossContract() {
      @Override
      protected Plugin<Loss> plugin() {
        return Fixtures.plugin("broken", factory);
      }

      @Override
      protected List<String> fusableActivations() {
        return fusable;
      }
    };
  }

  /** Cross-entropy without a clamp, its gradient divided by the rows only if asked. */
  private static class Unclamped implements Loss {
    final boolean divideGradient;
    final boolean mean;

    Unclamped(boolean divideGradient, boolean mean) {
      this.divideGradient = divideGradient;
      this.mean = mean;
    }

    @Override
    public double evaluate(Matrix output, Matrix targets, Matrix grad) {
      double sum = 0;
      int rows = output.rows();
      for (int i = 0; i < output.size(); i++) {
        double t = targets.get(i);
        sum -= t == 0 ? 0 : t * Math.log(output.get(i));
        if (grad != null) {
          double g = t == 0 ? 0 : -t / output.get(i);
          grad.set(i, divideGradient ? g / rows : g);
        }
      }
      return mean ? sum / rows : sum;
    }
  }

  @Test
  void lossWhoseGradientIsNotDividedByTheRows() {
    fails(loss(() -> new Unclamped(false, true), List.of())::gradientAgreesWithFiniteDifferences);
  }

  @Test
  void lossThatSumsInsteadOfAveraging() {
    LossContract contract = loss(() -> new Unclamped(false, false), List.of());
    contract.gradientAgreesWithFiniteDifferences();
    fails(contract::valueIsTheMeanOfTheRowLosses);
  }

  @Test
  void lossThatTakesTheLogarithmOfZero() {
    fails(loss(() -> new Unclamped(true, true), List.of())::isFiniteAtTheEdgesOfItsDomain);
  }

  @Test
  void lossWhosePerfectOutputsAreNotItsMinimum() {
    fails(
        loss(
                () ->
                    new RowwiseLoss() {
                      @Override
                      protected double row(double[] o, double[] t, double[] grad, int n) {
                        // The squared error with the wrong sign: largest at perfect outputs.
                        double sum = 0;
                        for (int i = 0; i < n; i++) {
                          sum -= (o[i] - t[i]) * (o[i] - t[i]);
                        }
                        return sum;
                      }
                    },
                List.of())
            ::perfectOutputsGiveTheSmallestLoss);
  }

  /** Cross-entropy that fuses with softmax naively: {@code log(softmax(z))} without a shift. */
  private static final class NaivelyFused implements Loss {
    @Override
    public double evaluate(Matrix output, Matrix targets, Matrix grad) {
      return new Unclamped(true, true).evaluate(output, targets, grad);
    }

    @Override
    public Loss fusedWith(ComponentSpec activation) {
      if (!activation.id().equals("softmax")) {
        return null;
      }
      return new RowwiseLoss() {
        @Override
        protected double row(double[] z, double[] t, double[] grad, int n) {
          double sum = 0;
          for (int i = 0; i < n; i++) {
            sum += Math.exp(z[i]);
          }
          double loss = 0;
          for (int i = 0; i < n; i++) {
            double p = Math.exp(z[i]) / sum;
            loss -= t[i] * Math.log(p);
            if (grad != null) {
              grad[i] = p - t[i];
            }
          }
          return loss;
        }
      };
    }
  }

  @Test
  void fusedLossThatOverflowsForLargeLogits() {
    LossContract contract = loss(NaivelyFused::new, List.of("softmax"));
    contract.fusedGradientsAgreeWithFiniteDifferences();
    fails(contract::fusedLossesAreFiniteForExtremeLogits);
  }

  @Test
  void fusedFormThatIsNotListed() {
    fails(loss(NaivelyFused::new, List.of())::everyFusedFormIsListed);
  }

  @Test
  void listedFusionThatIsNotOffered() {
    fails(
        loss(() -> new Unclamped(true, true), List.of("softmax"))::fusesWithEveryListedActivation);
  }

  @Test
  void fusedLossThatIsNotTheLossOfTheActivationOutput() {
    LossContract contract =
        new LossContract() {
          @Override
          protected Plugin<Loss> plugin() {
            return Fixtures.plugin("broken", NaivelyFused::new);
          }

          @Override
          protected List<String> fusableActivations() {
            return List.of("softmax");
          }

          @Override
          protected Activation activation(String id) {
            // As if the loss fused with softmax under the id of softplus.
            return new Fixtures.Softplus();
          }
        };
    contract.fusedGradientsAgreeWithFiniteDifferences();
    fails(contract::fusedLossesEqualTheLossOfTheActivationOutput);
  }

  @Test
  void lossThatLeavesPartOfTheGradientUnwritten() {
    fails(
        loss(
                () ->
                    new Unclamped(true, true) {
                      @Override
                      public double evaluate(Matrix output, Matrix targets, Matrix grad) {
                        double value = super.evaluate(output, targets, null);
                        if (grad != null) {
                          for (int i = 0; i < targets.size(); i++) {
                            if (targets.get(i) != 0) {
                              grad.set(i, -targets.get(i) / output.get(i) / output.rows());
                            }
                          }
                        }
                        return value;
                      }
                    },
                List.of())
            ::valueDoesNotDependOnAskingForTheGradientAndInputsStayUnchanged);
  }

  // ---- optimizers

  private static OptimizerContract optimizer(Supplier<Optimizer> factory) {
    return new OptimizerContract() {
      @Override
      protected Plugin<Optimizer> plugin() {
        return Fixtures.plugin("broken", factory);
      }
    };
  }

  /** Gradient descent with momentum 0.5, its buffers in {@code buffers}. */
  private static class Momentum extends Fixtures.GradientDescent {
    final Map<String, double[]> buffers;

    Momentum(Map<String, double[]> buffers) {
      super(0.05);
      this.buffers = buffers;
    }

    @Override
    public void step(List<Parameter> parameters) {
      for (Parameter p : parameters) {
        double[] b = buffers.computeIfAbsent(p.name(), n -> new double[p.value().size()]);
        for (int i = 0; i < b.length; i++) {
          b[i] = 0.5 * b[i] + p.gradient().get(i);
          p.value().set(i, p.value().get(i) - learningRate * b[i]);
        }
      }
    }
  }

  private static final Map<String, double[]> SHARED = new HashMap<>();

  @Test
  void optimizersThatShareState() {
    SHARED.clear();
    fails(optimizer(() -> new Momentum(SHARED))::instancesAreIndependent);
  }

  @Test
  void optimizerThatDoesNotSaveItsState() {
    fails(optimizer(() -> new Momentum(new HashMap<>()))::restoredStateContinuesBitForBit);
  }

  @Test
  void optimizerThatIgnoresTheLearningRateItIsGiven() {
    OptimizerContract contract =
        optimizer(
            () ->
                new Fixtures.GradientDescent(0.05) {
                  @Override
                  public void setLearningRate(double learningRate) {}
                });
    fails(contract::zeroLearningRateLeavesParametersUnchanged);
    fails(contract::learningRateIsWhatWasSet);
  }

  @Test
  void optimizerThatClimbs() {
    fails(optimizer(() -> new Fixtures.GradientDescent(-0.05))::minimizesAQuadratic);
  }

  // ---- initializers

  private static InitializerContract initializer(Supplier<Initializer> factory) {
    return new InitializerContract() {
      @Override
      protected Plugin<Initializer> plugin() {
        return Fixtures.plugin("broken", factory);
      }
    };
  }

  @Test
  void initializerWithItsOwnRandomness() {
    Random own = new Random(7);
    fails(
        initializer(
                () ->
                    (weights, fanIn, fanOut, rng) -> {
                      for (int i = 0; i < weights.size(); i++) {
                        weights.set(i, own.nextGaussian());
                      }
                    })
            ::sameSeedGivesTheSameValues);
  }

  @Test
  void initializerThatSkipsAValue() {
    fails(
        initializer(
                () ->
                    (weights, fanIn, fanOut, rng) -> {
                      for (int i = 0; i < weights.size() - 1; i++) {
                        weights.set(i, rng.nextGaussian());
                      }
                    })
            ::fillsEveryValueWithAFiniteNumber);
  }

  @Test
  void initializerThatIgnoresItsGenerator() {
    InitializerContract contract = initializer(() -> (w, fanIn, fanOut, rng) -> w.fill(0.1));
    contract.fillsEveryValueWithAFiniteNumber();
    contract.sameSeedGivesTheSameValues();
    fails(contract::differentSeedsGiveDifferentValues);
    fails(contract::valuesAreNotAllEqual);
  }
}
