package io.dendrite.runner.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.spi.MetricValue;
import io.dendrite.core.train.EpochResult;
import io.dendrite.core.train.Evaluation;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrainingCurvesTests {
  private static EpochResult epoch(int n, double loss, Map<String, MetricValue> metrics) {
    return new EpochResult(n, new Evaluation(loss, metrics, 10), Optional.empty(), 0.1, 5, 0.01);
  }

  @Test
  void aMetricNamedLikeOneOfTheReportsFilesGetsAPrefix() {
    Set<String> taken = Set.of("loss.png", "learning_rate.png", "confusion_matrix.png");
    assertThat(TrainingCurves.fileName("accuracy", taken)).isEqualTo("accuracy.png");
    assertThat(TrainingCurves.fileName("loss", taken)).isEqualTo("metric_loss.png");
    assertThat(TrainingCurves.fileName("loss", Set.of("loss.png", "metric_loss.png")))
        .isEqualTo("metric_loss_2.png");
  }

  @Test
  void oneEpochWithoutValidationIsStillDrawnAndAMetricWithNothingToDrawIsLeftOut()
      throws IOException {
    List<Plot> plots =
        TrainingCurves.draw(
            List.of(
                epoch(
                    1,
                    Double.POSITIVE_INFINITY,
                    Map.of("accuracy", MetricValue.of(0.5), "auc", MetricValue.of(Double.NaN)))));
    // The loss diverged to infinity: nothing finite to draw either.
    assertThat(plots)
        .extracting(Plot::fileName)
        .containsExactly("accuracy.png", "learning_rate.png");
    for (Plot plot : plots) {
      assertThat(ReportPageXml.image(plot.png()).getWidth()).isEqualTo(plot.width());
    }
  }

  @Test
  void noEpochsNoCurves() throws IOException {
    assertThat(TrainingCurves.draw(List.of())).isEmpty();
  }
}
