package io.dendrite.optimizers;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.spi.Optimizer;
import io.dendrite.core.spi.Schedule;
import io.dendrite.core.tensor.Parameter;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * After the first step, optimizer steps and schedule rates allocate nothing.
 *
 * <p>Both run once per mini-batch.
 */
class StepsAllocateNothingTests {
  private static final int CALLS = 10_000;
  // A tenth of one 16-byte object per call: what a step allocated would show ten times over, while
  // the JVM's own occasional allocations on this thread (compilation bookkeeping) stay below it.
  private static final long SLACK_BYTES = 16L * CALLS / 10;

  static Stream<TorchFixtures.OptimizerCase> optimizers() {
    return TorchFixtures.optimizerCases().stream();
  }

  static Stream<TorchFixtures.ScheduleCase> schedules() {
    return TorchFixtures.scheduleCases().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("optimizers")
  void optimizerStepsAllocateNothing(TorchFixtures.OptimizerCase c) {
    Optimizer optimizer = c.create();
    List<Parameter> params = TorchFixtures.initialParameters();
    float[][] gradients = TorchFixtures.gradients();
    TorchFixtures.setGradients(params, gradients, 0);
    for (int i = 0; i < CALLS; i++) {
      optimizer.step(params);
    }
    long before = allocatedBytes();
    for (int i = 0; i < CALLS; i++) {
      optimizer.step(params);
    }
    assertThat(allocatedBytes() - before)
        .as("bytes allocated by %d steps of %s", CALLS, c)
        .isLessThan(SLACK_BYTES);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schedules")
  void ratesAllocateNothing(TorchFixtures.ScheduleCase c) {
    Schedule schedule = c.create();
    schedule.start(c.baseRate(), CALLS, 10);
    double sum = 0;
    for (int i = 0; i < CALLS; i++) {
      sum += schedule.rate(i, i / 10);
    }
    long before = allocatedBytes();
    for (int i = 0; i < CALLS; i++) {
      sum += schedule.rate(i, i / 10);
    }
    assertThat(allocatedBytes() - before)
        .as("bytes allocated by %d rates of %s", CALLS, c)
        .isLessThan(SLACK_BYTES);
    assertThat(sum).isFinite();
  }

  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getCurrentThreadAllocatedBytes();
  }
}
