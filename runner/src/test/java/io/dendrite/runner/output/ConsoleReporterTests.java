package io.dendrite.runner.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.spi.MetricValue;
import io.dendrite.core.train.EpochResult;
import io.dendrite.core.train.Evaluation;
import io.dendrite.core.train.TrainingPlan;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConsoleReporterTests {
  private static final TrainingPlan PLAN =
      new TrainingPlan(7200, 800, 2000, 784, 10, 101770, 10, 113, List.of(), List.of());

  private static Evaluation eval(double loss, double accuracy, int examples) {
    return new Evaluation(loss, Map.of("accuracy", MetricValue.of(accuracy)), examples);
  }

  private static EpochResult epoch(int n, Evaluation train, Evaluation validation, double s) {
    return new EpochResult(n, train, Optional.ofNullable(validation), s, 113, 0.001);
  }

  @Test
  void printsOnePlainLinePerEpochAndTheTestMetrics() {
    StringWriter text = new StringWriter();
    ConsoleReporter console = new ConsoleReporter(new PrintWriter(text), false, false, 2);
    console.onStart(PLAN);
    console.progress(1, 1, 113, 2.3);
    console.onEpoch(epoch(3, eval(0.23111, 0.93424, 7200), eval(0.25, 0.929, 800), 2.1234));
    console.onEpoch(epoch(4, eval(0.2, 0.94, 7200), null, 1));
    console.onEpoch(new EpochResult(5, eval(0.1, 0.95, 3200), Optional.empty(), 0.5, 50, 0.001));
    console.onTest(eval(0.241, 0.9405, 2000));
    assertThat(text.toString().split("\n"))
        .containsExactly(
            "data        7200 train  800 validation  2000 test  784 inputs  10 outputs",
            "model       2 layers  101770 parameters",
            "training    10 epochs  113 steps per epoch",
            "epoch 3/10  loss 0.2311  accuracy 0.9342  val_loss 0.2500  val_accuracy 0.9290  2.12s",
            "epoch 4/10  loss 0.2000  accuracy 0.9400  1.00s",
            "epoch 5/10  loss 0.1000  accuracy 0.9500  (stopped after step 50 of 113)  0.50s",
            "test  loss 0.2410  accuracy 0.9405");
  }

  @Test
  void quietPrintsOnlyTheTestLine() {
    StringWriter text = new StringWriter();
    ConsoleReporter console = new ConsoleReporter(new PrintWriter(text), true, true, 2);
    console.onStart(PLAN);
    console.progress(1, 113, 113, 2.3);
    console.onEpoch(
        new EpochResult(1, new Evaluation(0.2, Map.of(), 7200), Optional.empty(), 1, 113, 0.001));
    console.onTest(eval(0.241, 0.9405, 2000));
    assertThat(text.toString())
        .isEqualTo("test  loss 0.2410  accuracy 0.9405" + System.lineSeparator());
  }

  @Test
  void progressLineIsErasedBeforeTheEpochLine() {
    StringWriter text = new StringWriter();
    ConsoleReporter console = new ConsoleReporter(new PrintWriter(text), false, true, 2);
    console.onStart(PLAN);
    console.progress(1, 113, 113, 0.5);
    console.onEpoch(
        new EpochResult(1, new Evaluation(0.2, Map.of(), 7200), Optional.empty(), 1, 113, 0.001));
    assertThat(text.toString())
        .contains("\repoch 1/10 [==============================] 113/113  loss 0.5000");
    assertThat(text.toString())
        .contains("\r" + " ".repeat(64) + "\repoch 1/10  loss 0.2000  1.00s");
  }

  @Test
  void theProgressLineFitsTheTerminalWidthWithRateAndTimeLeft() {
    StringWriter text = new StringWriter();
    ConsoleReporter console = new ConsoleReporter(new PrintWriter(text), false, true, 2, () -> 50);
    console.onStart(PLAN);
    console.progress(2, 10, 113, 0.5);
    console.progress(2, 11, 113, 0.7);
    // 7200 examples * 57/113 in 3 s; the epoch would take 5.95 s, and 8 more like it follow.
    assertThat(console.progressLine(2, 57, 113, 3.0, 119))
        .isEqualTo(
            "epoch 2/10 ["
                + "=".repeat(15)
                + " ".repeat(15)
                + "] 57/113  loss 0.6000  1,211 ex/s"
                + "  0:51 left");
    assertThat(console.progressLine(2, 57, 113, 3.0, 49))
        .isEqualTo("epoch 2/10 57/113  loss 0.6000  1,211 ex/s  0:51")
        .hasSizeLessThanOrEqualTo(49);
    for (int max = 1; max < 130; max++) {
      assertThat(console.progressLine(2, 57, 113, 3.0, max)).hasSizeLessThanOrEqualTo(max);
    }
    // What was redrawn at 50 columns never reaches the last column, where a terminal would wrap.
    String drawing = text.toString().substring(text.toString().indexOf('\r') + 1);
    for (String drawn : drawing.split("\r")) {
      assertThat(drawn.stripTrailing()).hasSizeLessThan(50);
    }
  }

  @Test
  void countsAreWrittenWithTheirNounsGrammar() {
    StringWriter text = new StringWriter();
    ConsoleReporter console = new ConsoleReporter(new PrintWriter(text), false, false, 1);
    console.onStart(new TrainingPlan(7200, 800, 2000, 784, 10, 7850, 1, 1, List.of(), List.of()));
    assertThat(text.toString())
        .contains("model       1 layer  7850 parameters\n")
        .contains("training    1 epoch  1 step per epoch\n");
  }
}
