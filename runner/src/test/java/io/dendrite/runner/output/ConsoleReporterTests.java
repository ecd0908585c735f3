package io.dendrite.runner.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.train.EpochResult;
import io.dendrite.core.train.Evaluation;
import io.dendrite.core.train.TrainingPlan;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConsoleReporterTests {
  private static final TrainingPlan PLAN =
      new TrainingPlan(7200, 800, 2000, 784, 10, 101770, 10, 113);

  @Test
  void printsOnePlainLinePerEpochAndTheTestMetrics() {
    StringWriter text = new StringWriter();
    ConsoleReporter console = new ConsoleReporter(new PrintWriter(text), false, false, 2);
    console.onStart(PLAN);
    console.onBatch(1, 1, 113, 2.3);
    console.onEpoch(
        new EpochResult(
            3,
            new Evaluation(0.23111, Map.of("accuracy", 0.93424), 7200),
            Optional.of(new Evaluation(0.25, Map.of("accuracy", 0.929), 800)),
            2.1234));
    console.onEpoch(
        new EpochResult(
            4, new Evaluation(0.2, Map.of("accuracy", 0.94), 7200), Optional.empty(), 1));
    console.onTest(new Evaluation(0.241, Map.of("accuracy", 0.9405), 2000));
    assertThat(text.toString().split("\n"))
        .containsExactly(
            "data        7200 train  800 validation  2000 test  784 inputs  10 outputs",
            "model       2 layers  101770 parameters",
            "training    10 epochs  113 steps per epoch",
            "epoch 3/10  loss 0.2311  accuracy 0.9342  val_loss 0.2500  val_accuracy 0.9290  2.12s",
            "epoch 4/10  loss 0.2000  accuracy 0.9400  1.00s",
            "test  loss 0.2410  accuracy 0.9405");
  }

  @Test
  void quietPrintsOnlyTheTestLine() {
    StringWriter text = new StringWriter();
    ConsoleReporter console = new ConsoleReporter(new PrintWriter(text), true, true, 2);
    console.onStart(PLAN);
    console.onBatch(1, 113, 113, 2.3);
    console.onEpoch(new EpochResult(1, new Evaluation(0.2, Map.of(), 7200), Optional.empty(), 1));
    console.onTest(new Evaluation(0.241, Map.of("accuracy", 0.9405), 2000));
    assertThat(text.toString())
        .isEqualTo("test  loss 0.2410  accuracy 0.9405" + System.lineSeparator());
  }

  @Test
  void progressLineIsErasedBeforeTheEpochLine() {
    StringWriter text = new StringWriter();
    ConsoleReporter console = new ConsoleReporter(new PrintWriter(text), false, true, 2);
    console.onStart(PLAN);
    console.onBatch(1, 113, 113, 0.5);
    console.onEpoch(new EpochResult(1, new Evaluation(0.2, Map.of(), 7200), Optional.empty(), 1));
    assertThat(text.toString())
        .contains("\repoch 1/10 [==============================] 113/113  loss 0.5000");
    assertThat(text.toString())
        .contains("\r" + " ".repeat(64) + "\repoch 1/10  loss 0.2000  1.00s");
  }
}
