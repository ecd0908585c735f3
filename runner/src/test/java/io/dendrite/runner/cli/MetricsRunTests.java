package io.dendrite.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.core.plugin.RegisteredPlugin;
import io.dendrite.core.spi.Metric;
import io.dendrite.core.spi.MetricPlugin;
import io.dendrite.core.spi.MetricValue;
import io.dendrite.core.spi.PluginKind;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.runner.StrictJson;
import io.dendrite.runner.TestFiles;
import io.dendrite.runner.cli.CliHarness.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Metrics by name, side by side, and structured values, through a real run. */
class MetricsRunTests {
  @TempDir Path dir;

  /** Recall of each class: a metric with per-class values, as a third party would write one. */
  public static final class ClassRecall implements Metric {
    public static final class Plugin extends MetricPlugin.Base {
      public Plugin() {
        super("class_recall", "recall of each class, and their mean", ClassRecall::new);
      }
    }

    private long[] hits = new long[0];
    private long[] seen = new long[0];

    @Override
    public void reset() {
      hits = new long[0];
      seen = new long[0];
    }

    @Override
    public void update(Matrix output, Matrix targets) {
      int classes = targets.cols();
      if (seen.length != classes) {
        hits = new long[classes];
        seen = new long[classes];
      }
      for (int r = 0; r < output.rows(); r++) {
        int truth = argmax(targets, r);
        seen[truth]++;
        if (argmax(output, r) == truth) {
          hits[truth]++;
        }
      }
    }

    private static int argmax(Matrix m, int row) {
      int best = 0;
      for (int c = 1; c < m.cols(); c++) {
        if (m.get(row, c) > m.get(row, best)) {
          best = c;
        }
      }
      return best;
    }

    @Override
    public MetricValue result() {
      List<Double> perClass = new ArrayList<>();
      double sum = 0;
      for (int c = 0; c < seen.length; c++) {
        double recall = seen[c] == 0 ? Double.NaN : (double) hits[c] / seen[c];
        perClass.add(recall);
        sum += recall;
      }
      return MetricValue.of(sum / seen.length).withPerClass(perClass);
    }
  }

  private static PluginRegistry registry() {
    PluginRegistry real = PluginRegistry.discover(MetricsRunTests.class.getClassLoader());
    List<RegisteredPlugin> plugins = new ArrayList<>(real.plugins());
    plugins.add(new RegisteredPlugin(PluginKind.METRIC, new ClassRecall.Plugin(), "this test"));
    return new PluginRegistry(plugins, real.problems());
  }

  private static final String EXPERIMENT =
      """
      name: named-metrics
      seed: 5
      data:
        train: {type: mnist_sample, split: train}
        test: {type: mnist_sample, split: test}
        validation_split: 0.1
      model:
        layers:
          - {type: dense, units: 32, activation: relu}
          - {type: dense, units: 10, activation: softmax}
      loss: cross_entropy
      training: {epochs: 1, batch_size: 64}
      metrics: [accuracy, {type: accuracy, name: acc2}, class_recall]
      """;

  @Test
  void twoInstancesOfOneMetricAreColumnsOfTheirOwnAndPerClassValuesReachTheJson() throws Exception {
    TestFiles.write(dir, "exp.yaml", EXPERIMENT);
    Result r =
        new CliHarness(dir, MetricsRunTests::registry).run("run", "exp.yaml", "--out", "out");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("  accuracy ").contains("  acc2 ").contains("  class_recall ");

    List<String> csv = Files.readAllLines(dir.resolve("out/metrics.csv"));
    assertThat(csv.get(0))
        .isEqualTo(
            "epoch,train_loss,train_accuracy,train_acc2,train_class_recall,val_loss,val_accuracy,"
                + "val_acc2,val_class_recall,learning_rate,seconds");
    String[] cells = csv.get(1).split(",");
    assertThat(cells[2]).as("the two accuracies agree").isEqualTo(cells[3]);
    assertThat(cells[6]).isEqualTo(cells[7]);

    Map<?, ?> json =
        (Map<?, ?>) StrictJson.parse(Files.readString(dir.resolve("out/metrics.json")));
    Map<?, ?> test = (Map<?, ?>) json.get("test");
    assertThat(test.get("acc2")).isEqualTo(test.get("accuracy"));
    Map<?, ?> recall = (Map<?, ?>) test.get("class_recall");
    Map<?, ?> perClass = (Map<?, ?>) recall.get("per_class");
    assertThat(new ArrayList<Object>(perClass.keySet()))
        .containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    double mean = 0;
    for (Object v : perClass.values()) {
      assertThat((Double) v).isBetween(0.0, 1.0);
      mean += (Double) v / 10;
    }
    assertThat((Double) recall.get("value"))
        .isCloseTo(mean, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(Files.readString(dir.resolve("out/experiment.resolved.yaml")))
        .contains("  - type: accuracy\n    name: acc2\n");
  }
}
