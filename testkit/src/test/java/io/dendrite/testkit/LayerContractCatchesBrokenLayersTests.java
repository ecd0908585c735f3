package io.dendrite.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dendrite.core.param.Param;
import io.dendrite.core.param.Params;
import io.dendrite.core.spi.Layer;
import io.dendrite.core.spi.LayerPlugin;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.testkit.LayerFixtures.Break;
import io.dendrite.testkit.LayerFixtures.Noise;
import io.dendrite.testkit.LayerFixtures.Scale;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Each check of {@link LayerContract} fails for a layer that breaks the rule it states. */
class LayerContractCatchesBrokenLayersTests {
  private static void fails(ThrowingCallable check) {
    assertThatThrownBy(check).isInstanceOf(AssertionError.class);
  }

  private static LayerContract layer(Supplier<Layer> factory) {
    return new LayerContract() {
      @Override
      protected Plugin<Layer> plugin() {
        return Fixtures.plugin("broken", factory);
      }
    };
  }

  private static LayerContract randomLayer(Supplier<Layer> factory) {
    return new LayerContract() {
      @Override
      protected Plugin<Layer> plugin() {
        return Fixtures.plugin("broken", factory);
      }

      @Override
      protected boolean isRandomInTraining() {
        return true;
      }
    };
  }

  @Test
  void layerWithAWrongBackward() {
    LayerContract contract = layer(() -> new Scale(Break.WRONG_BACKWARD));
    fails(contract::backwardAgreesWithFiniteDifferencesInEvaluation);
    fails(contract::backwardAgreesWithFiniteDifferencesInTraining);
  }

  @Test
  void randomLayerWhoseBackwardIgnoresItsMask() {
    LayerContract contract = randomLayer(() -> new Noise(Break.BACKWARD_IGNORES_MASK));
    // Evaluation has no mask, so only the training-mode check can see it.
    contract.backwardAgreesWithFiniteDifferencesInEvaluation();
    fails(contract::backwardAgreesWithFiniteDifferencesInTraining);
  }

  @Test
  void layerWhoseFloatPathIsCrude() {
    LayerContract contract = layer(() -> new Scale(Break.CRUDE_FLOAT));
    contract.backwardAgreesWithFiniteDifferencesInTraining();
    fails(contract::float32AgreesWithFloat64);
  }

  @Test
  void randomLayerThatDoesNotSaySo() {
    LayerContract contract = layer(Noise::new);
    fails(contract::trainingAndEvaluationDifferOnlyWhereDeclared);
    fails(contract::dependsOnItsRandomStreamOnlyIfRandomInTraining);
  }

  @Test
  void layerThatSaysItIsRandomButIsNot() {
    LayerContract contract = randomLayer(Scale::new);
    fails(contract::trainingAndEvaluationDifferOnlyWhereDeclared);
    fails(contract::dependsOnItsRandomStreamOnlyIfRandomInTraining);
  }

  @Test
  void randomLayerWithARandomnessOfItsOwn() {
    LayerContract contract = randomLayer(() -> new Noise(Break.OWN_RANDOMNESS));
    fails(contract::sameSeedGivesTheSameResults);
    fails(contract::backwardAgreesWithFiniteDifferencesInTraining);
    fails(contract::restoringItsStreamRepeatsATrainingStep);
  }

  @Test
  void randomLayerThatDrawsFromASplitOfItsStream() {
    LayerContract contract = randomLayer(() -> new Noise(Break.SPLIT_STREAM));
    // Deterministic per seed, so only restoring the stream, as a resumed run does, shows it.
    contract.sameSeedGivesTheSameResults();
    contract.backwardAgreesWithFiniteDifferencesInTraining();
    fails(contract::restoringItsStreamRepeatsATrainingStep);
  }

  @Test
  void randomLayerThatDrawsItsMaskOnce() {
    fails(
        randomLayer(() -> new Noise(Break.FIXED_MASK))
            ::dependsOnItsRandomStreamOnlyIfRandomInTraining);
  }

  @Test
  void layerThatChangesStateInEvaluation() {
    fails(layer(() -> new Scale(Break.STATE_IN_EVALUATION))::evaluationChangesNoState);
  }

  @Test
  void layersThatShareAnOutputBuffer() {
    Matrix[] shared = new Matrix[1];
    LayerContract contract = layer(() -> new Scale(Set.of(), shared, 1));
    fails(contract::instancesShareNothing);
  }

  @Test
  void layerThatAllocatesEveryStep() {
    LayerContract contract = layer(() -> new Scale(Break.ALLOCATES));
    contract.backwardAgreesWithFiniteDifferencesInTraining();
    fails(contract::stepsAllocateNothingAfterTheFirst);
  }

  @Test
  void layerWithAHardCodedName() {
    fails(
        layer(() -> new Scale(Break.HARD_CODED_NAME))::tensorsAreNamedAfterTheLayerAndStayTheSame);
  }

  @Test
  void layerThatReplacesItsBuffer() {
    LayerContract contract = layer(() -> new Scale(Break.NEW_BUFFER_EACH_STEP));
    contract.backwardAgreesWithFiniteDifferencesInTraining();
    fails(contract::tensorsAreNamedAfterTheLayerAndStayTheSame);
  }

  @Test
  void layerThatWorksOnTheWholeBuffer() {
    fails(layer(() -> new Scale(Break.WHOLE_BUFFER))::touchesOnlyTheRowsInUse);
  }

  @Test
  void layerThatOverwritesItsInput() {
    fails(layer(() -> new Scale(Break.MODIFIES_INPUT))::touchesOnlyTheRowsInUse);
  }

  @Test
  void layerThatAddsToItsGradients() {
    fails(
        layer(() -> new Scale(Break.ACCUMULATES_GRADIENTS))
            ::backwardOverwritesEveryParameterGradient);
  }

  static final Param<Double> GAIN =
      Param.number("gain", 1, "scale of the starting weights").optional();

  /** A scale layer whose gain, when left out, is derived as {@code derived}. */
  private static LayerContract derivingGain(double picked, double derived) {
    LayerPlugin plugin =
        new LayerPlugin() {
          @Override
          public String id() {
            return "deriving";
          }

          @Override
          public List<Param<?>> params() {
            return List.of(GAIN);
          }

          @Override
          public Map<String, Object> derivedDefaults(Params params) {
            return params.has(GAIN) ? Map.of() : Map.of("gain", derived);
          }

          @Override
          public Layer create(Params params) {
            return new Scale(params.has(GAIN) ? params.get(GAIN) : picked);
          }
        };
    return new LayerContract() {
      @Override
      protected Plugin<Layer> plugin() {
        return plugin;
      }
    };
  }

  @Test
  void derivedDefaultThatCreateDoesNotPick() {
    derivingGain(2, 2).derivedDefaultsAreWhatCreatePicksWithoutThem();
    fails(derivingGain(1, 2)::derivedDefaultsAreWhatCreatePicksWithoutThem);
  }
}
