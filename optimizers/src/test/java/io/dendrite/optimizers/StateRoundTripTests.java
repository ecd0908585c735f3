package io.dendrite.optimizers;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.spi.Optimizer;
import io.dendrite.core.spi.Schedule;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.core.tensor.Parameter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A run resumed from {@code state()} in fresh instances continues bit for bit.
 *
 * <p>Every optimizer in every fixture setting is checked, and {@code reduce_on_plateau}.
 */
class StateRoundTripTests {
  static Stream<TorchFixtures.OptimizerCase> optimizers() {
    return TorchFixtures.optimizerCases().stream();
  }

  static Stream<TorchFixtures.ScheduleCase> plateaus() {
    return TorchFixtures.scheduleCases().stream().filter(c -> c.values() != null);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("optimizers")
  void aResumedOptimizerContinuesBitForBit(TorchFixtures.OptimizerCase c) {
    float[][] gradients = TorchFixtures.gradients();
    List<Parameter> straight = TorchFixtures.run(c.create(), gradients.length);
    for (int interruptedAt : new int[] {1, 37, 99}) {
      Optimizer first = c.create();
      List<Parameter> params = TorchFixtures.run(first, interruptedAt);
      Map<String, Matrix> checkpoint = checkpoint(first.state());
      // Whatever happens to the first run afterwards must not reach the checkpoint.
      TorchFixtures.setGradients(params, gradients, interruptedAt);
      first.step(params);

      Optimizer resumed = c.create();
      resumed.restoreState(checkpoint);
      List<Parameter> continued = TorchFixtures.initialParameters();
      List<Parameter> saved = TorchFixtures.run(c.create(), interruptedAt);
      for (int k = 0; k < continued.size(); k++) {
        continued.get(k).value().copyFrom(saved.get(k).value());
      }
      for (int t = interruptedAt; t < gradients.length; t++) {
        TorchFixtures.setGradients(continued, gradients, t);
        resumed.step(continued);
      }
      for (int k = 0; k < straight.size(); k++) {
        float[] expected = straight.get(k).value().floats();
        float[] actual = continued.get(k).value().floats();
        for (int i = 0; i < expected.length; i++) {
          assertThat(Float.floatToRawIntBits(actual[i]))
              .as("%s resumed after %d steps: %s[%d]", c, interruptedAt, straight.get(k).name(), i)
              .isEqualTo(Float.floatToRawIntBits(expected[i]));
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plateaus")
  void aResumedPlateauScheduleContinuesBitForBit(TorchFixtures.ScheduleCase c) {
    int epochs = c.rates().length;
    double[] straight = ScheduleFixtureTests.rates(c.create(), c, 0, epochs);
    for (int interruptedAt : new int[] {0, 1, 13, 50, 99}) {
      for (boolean restoreFirst : new boolean[] {true, false}) {
        Schedule first = c.create();
        ScheduleFixtureTests.rates(first, c, 0, interruptedAt);
        Map<String, Matrix> checkpoint = checkpoint(first.state());

        Schedule resumed = c.create();
        if (restoreFirst) {
          resumed.restoreState(checkpoint);
          resumed.start(c.baseRate(), epochs * 10L, 10);
        } else {
          resumed.start(c.baseRate(), epochs * 10L, 10);
          resumed.restoreState(checkpoint);
        }
        double[] rest = ScheduleFixtureTests.rates(resumed, c, interruptedAt, epochs);
        for (int e = interruptedAt; e < epochs; e++) {
          assertThat(rest[e - interruptedAt])
              .as("%s resumed after %d epochs, at %d", c, interruptedAt, e)
              .isEqualTo(straight[e]);
        }
      }
    }
  }

  /** What a checkpoint would keep: copies, taken at once. */
  private static Map<String, Matrix> checkpoint(Map<String, Matrix> state) {
    Map<String, Matrix> copy = new LinkedHashMap<>();
    state.forEach((k, v) -> copy.put(k, v.copy()));
    return copy;
  }
}
