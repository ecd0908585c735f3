package io.dendrite.datasets;

import static io.dendrite.datasets.StandIns.dense;
import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.spi.ComponentSpec;
import io.dendrite.core.spi.PluginKind;
import io.dendrite.core.train.TrainingResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each synthetic set is learnable: a small network trained for a few seconds with core's trainer
 * reaches at least 0.95 on held-out examples (accuracy, or R² for the regression).
 */
class SyntheticLearningTests {
  @Test
  void xor() {
    assertThat(accuracy("xor", Map.of(), List.of(dense(8, "tanh"), dense(2, "softmax")), 60))
        .isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void spirals() {
    List<ComponentSpec> layers = List.of(dense(32, "relu"), dense(32, "relu"), dense(2, "softmax"));
    assertThat(accuracy("spirals", Map.of(), layers, 120, 0.01)).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void threeSpiralArms() {
    List<ComponentSpec> layers = List.of(dense(64, "relu"), dense(64, "relu"), dense(3, "softmax"));
    assertThat(
            accuracy(
                "spirals", Map.of("classes", 3, "samples", 1500, "noise", 0.02), layers, 200, 0.01))
        .isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void moons() {
    assertThat(accuracy("moons", Map.of(), List.of(dense(16, "tanh"), dense(2, "softmax")), 60))
        .isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void circles() {
    assertThat(accuracy("circles", Map.of(), List.of(dense(16, "tanh"), dense(2, "softmax")), 60))
        .isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void blobs() {
    assertThat(
            accuracy(
                "blobs",
                Map.of("centers", 4, "features", 3),
                List.of(dense(8, "tanh"), dense(4, "softmax")),
                30))
        .isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void sine() {
    TrainingResult result =
        Training.train(
            Map.of(
                "train", Training.spec(PluginKind.DATASET, "sine", Map.of()), "test_split", 0.25),
            List.of(dense(32, "tanh"), dense(32, "tanh"), dense(1, null)),
            false,
            60,
            0.01,
            5);
    assertThat(result.test().orElseThrow().metric("r2")).isGreaterThanOrEqualTo(0.95);
  }

  private static double accuracy(
      String id, Map<String, Object> params, List<ComponentSpec> layers, int epochs) {
    return accuracy(id, params, layers, epochs, 0.01);
  }

  private static double accuracy(
      String id,
      Map<String, Object> params,
      List<ComponentSpec> layers,
      int epochs,
      double learningRate) {
    Map<String, Object> data =
        Map.of(
            "train",
            Training.spec(PluginKind.DATASET, id, params),
            "test_split",
            0.25,
            "stratified",
            true);
    TrainingResult result = Training.train(data, layers, true, epochs, learningRate, 5);
    return result.test().orElseThrow().metric("accuracy");
  }
}
