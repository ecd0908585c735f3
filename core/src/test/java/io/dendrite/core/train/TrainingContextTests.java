package io.dendrite.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dendrite.core.nn.Network;
import io.dendrite.core.random.Rng;
import io.dendrite.core.tensor.Kernels;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingContextTests {
  @Test
  void aTrainerUsedOnItsOwnCannotBeCheckpointed() {
    Network network =
        Network.build(
            List.of(XorRuns.dense(1, null)),
            2,
            4,
            false,
            new TestComponents(XorRuns.components(0.1)),
            Kernels.singleThreaded(),
            new Rng(1));
    TestComponents.PlainSgd sgd = new TestComponents.PlainSgd(0.25);
    Trainer trainer =
        new Trainer(
            network,
            new LossEvaluator(new TestComponents.SquaredError(), null),
            sgd,
            Map.of(),
            Map.of(),
            4,
            List.of());
    TrainingContext context = trainer.context(10);
    assertThat(trainer.context(99)).isSameAs(context);
    assertThat(context.stepsPerEpoch()).isEqualTo(3);
    assertThat(context.checkpointable()).isFalse();
    assertThatThrownBy(context::checkpoint)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("this run cannot be checkpointed");
    assertThat(context.optimizer()).isSameAs(sgd);
    assertThat(context.network()).isSameAs(network);
    assertThat(context.learningRate()).isEqualTo(0.25);
  }
}
