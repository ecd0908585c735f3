package io.dendrite.runner.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dendrite.core.DendriteException;
import io.dendrite.core.spi.MetricValue;
import io.dendrite.core.train.EpochResult;
import io.dendrite.core.train.Evaluation;
import io.dendrite.runner.StrictJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsWriterTests {
  @TempDir Path dir;

  private static Evaluation eval(double loss, double accuracy, double f1) {
    Map<String, MetricValue> m = new LinkedHashMap<>();
    m.put("accuracy", MetricValue.of(accuracy));
    m.put("f1_macro", MetricValue.of(f1));
    return new Evaluation(loss, m, 100);
  }

  private static EpochResult epoch(int n, Evaluation train, Evaluation validation, double s) {
    return new EpochResult(n, train, Optional.ofNullable(validation), s, 10, 0.001);
  }

  @Test
  void writesEveryEpochAtFullPrecisionWithAColumnPerMetric() throws Exception {
    MetricsWriter writer = new MetricsWriter(dir, List.of("accuracy", "f1_macro"));
    writer.onEpoch(epoch(1, eval(0.1 / 3, 0.9, 0.8), eval(0.25, 0.85, 0.75), 2.5));
    writer.onEpoch(epoch(2, eval(0.02, 0.95, 0.9), null, 1.25));
    assertThat(Files.readString(dir.resolve("metrics.csv")))
        .isEqualTo(
            "epoch,train_loss,train_accuracy,train_f1_macro,val_loss,val_accuracy,val_f1_macro,"
                + "learning_rate,seconds\n"
                + "1,0.03333333333333333,0.9,0.8,0.25,0.85,0.75,0.001,2.5\n"
                + "2,0.02,0.95,0.9,,,,0.001,1.25\n");
    Map<?, ?> json = (Map<?, ?>) StrictJson.parse(Files.readString(dir.resolve("metrics.json")));
    assertThat(json.get("test")).isNull();
    List<?> epochs = (List<?>) json.get("epochs");
    assertThat(epochs).hasSize(2);
    Map<?, ?> first = (Map<?, ?>) epochs.get(0);
    assertThat(first.get("epoch")).isEqualTo(1L);
    assertThat(first.get("steps")).isEqualTo(10L);
    assertThat(first.get("learning_rate")).isEqualTo(0.001);
    assertThat(((Map<?, ?>) first.get("train")).get("loss")).isEqualTo(0.1 / 3);
    assertThat(((Map<?, ?>) first.get("validation")).get("f1_macro")).isEqualTo(0.75);
    assertThat(((Map<?, ?>) epochs.get(1)).get("validation")).isNull();

    writer.onTest(eval(0.125, 0.9405, 0.93));
    json = (Map<?, ?>) StrictJson.parse(Files.readString(dir.resolve("metrics.json")));
    assertThat(json.get("test"))
        .isEqualTo(Map.of("loss", 0.125, "accuracy", 0.9405, "f1_macro", 0.93));
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("no temporary files left behind")
          .containsExactlyInAnyOrder("metrics.csv", "metrics.json");
    }
  }

  @Test
  void structuredValuesKeepTheirPartsInTheJsonAndTheirHeadlineInTheCsv() throws Exception {
    MetricsWriter writer = new MetricsWriter(dir, List.of("recall"));
    writer.classNames(List.of("cat", "dog"));
    MetricValue recall =
        MetricValue.of(0.75)
            .withPerClass(List.of(0.5, 1.0))
            .withMatrix(List.of(List.of(1.0, 1.0), List.of(0.0, 2.0)));
    writer.onTest(new Evaluation(0.3, Map.of("recall", recall), 4));
    Map<?, ?> json = (Map<?, ?>) StrictJson.parse(Files.readString(dir.resolve("metrics.json")));
    assertThat(((Map<?, ?>) json.get("test")).get("recall"))
        .isEqualTo(
            Map.of(
                "value",
                0.75,
                "per_class",
                Map.of("cat", 0.5, "dog", 1.0),
                "matrix",
                List.of(List.of(1.0, 1.0), List.of(0.0, 2.0)),
                "labels",
                List.of("cat", "dog")));
    writer.onEpoch(
        new EpochResult(
            1, new Evaluation(0.3, Map.of("recall", recall), 4), Optional.empty(), 1, 1, 0.1));
    assertThat(writer.csv()).endsWith("\n1,0.3,0.75,,,0.1,1.0\n");
  }

  @Test
  void nonFiniteValuesStayValidJson() {
    MetricsWriter writer = new MetricsWriter(dir, List.of("accuracy"));
    writer.onEpoch(epoch(1, eval(Double.NaN, 0.5, 0), null, 1));
    assertThat(writer.json()).contains("\"loss\": null");
    assertThat(writer.csv()).contains("1,NaN,0.5,");
  }

  @Test
  void aFolderThatCannotBeWrittenIsADataErrorNamingTheFile() throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
    MetricsWriter writer = new MetricsWriter(file, List.of("accuracy"));
    assertThatThrownBy(() -> writer.onEpoch(epoch(1, eval(0.1, 0.5, 0), null, 1)))
        .isInstanceOf(DendriteException.class)
        .hasMessageStartingWith("cannot write " + file.resolve("metrics.csv"))
        .extracting(e -> ((DendriteException) e).exitCode())
        .isEqualTo(3);
  }
}
