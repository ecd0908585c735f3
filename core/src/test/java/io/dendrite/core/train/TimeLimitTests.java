package io.dendrite.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimeLimitTests {
  private static TrainingContext context() {
    return new TrainingContext(null, new TestComponents.PlainSgd(0.1), 4);
  }

  @Test
  void aStepAfterTheLimitAsksToStopSayingWhy() throws Exception {
    TrainingContext ctx = context();
    TimeLimit limit = new TimeLimit(0.001);
    limit.onStart(ctx, null);
    Thread.sleep(5);
    limit.onStep(ctx, 1.0);
    assertThat(ctx.stopRequested()).isTrue();
    assertThat(ctx.stopReason()).contains("time limit: training.max_seconds 0.001000 reached");
  }

  @Test
  void stepsWithinTheLimitGoOn() {
    TrainingContext ctx = context();
    TimeLimit limit = new TimeLimit(3600);
    limit.onStart(ctx, null);
    for (int i = 0; i < 100; i++) {
      limit.onStep(ctx, 1.0);
    }
    assertThat(ctx.stopRequested()).isFalse();
  }
}
