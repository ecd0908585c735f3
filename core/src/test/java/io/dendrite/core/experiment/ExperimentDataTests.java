package io.dendrite.core.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.spi.ComponentSpec;
import io.dendrite.core.spi.PluginKind;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExperimentDataTests {
  private static final ComponentSpec XOR = ComponentSpec.of(PluginKind.DATASET, "xor");
  private static final ComponentSpec CSV = ComponentSpec.of(PluginKind.DATASET, "csv");
  private static final ComponentSpec SCALE = ComponentSpec.of(PluginKind.PREPROCESSOR, "scale");
  private static final ComponentSpec FITTED =
      ComponentSpec.of(PluginKind.PREPROCESSOR, "scale_fitted");

  private static Experiment experiment(Map<String, Object> data) {
    return experiment(data, Map.of());
  }

  private static Experiment experiment(Map<String, Object> data, Map<String, Object> more) {
    Map<String, Object> values = new LinkedHashMap<>(more);
    values.put("data", data);
    values.put("model", Map.of("layers", List.of(ComponentSpec.of(PluginKind.LAYER, "dense"))));
    values.put("loss", ComponentSpec.of(PluginKind.LOSS, "mse"));
    return Experiment.of(values, "e");
  }

  @Test
  void theDataSectionGivesEveryValue() {
    Experiment e =
        experiment(
            Map.of(
                "train",
                XOR,
                "test",
                CSV,
                "validation_split",
                0.1,
                "test_split",
                0.2,
                "stratified",
                true,
                "preprocess",
                List.of(SCALE)));
    DataSpec d = e.data();
    assertThat(d.train()).isEqualTo(XOR);
    assertThat(d.test()).contains(CSV);
    assertThat(d.validationSplit()).isEqualTo(0.1);
    assertThat(d.testSplit()).isEqualTo(0.2);
    assertThat(d.stratified()).isTrue();
    assertThat(d.preprocess()).containsExactly(SCALE);
    DataSpec defaults = experiment(Map.of("train", XOR)).data();
    assertThat(defaults.test()).isEmpty();
    assertThat(defaults.testSplit()).isZero();
    assertThat(defaults.stratified()).isFalse();
    assertThat(defaults.preprocess()).isEmpty();
  }

  @Test
  void pluginsAreNoneUnlessGiven() {
    assertThat(experiment(Map.of("train", XOR)).plugins()).isEmpty();
    Experiment with =
        experiment(Map.of("train", XOR), Map.of("plugins", List.of(Path.of("/jars"))));
    assertThat(with.plugins()).containsExactly(Path.of("/jars"));
  }

  @Test
  void withPreprocessingReplacesOnlyTheSteps() {
    Experiment e =
        experiment(Map.of("train", XOR, "test_split", 0.2, "preprocess", List.of(SCALE)));
    Experiment fitted = e.withPreprocessing(List.of(FITTED));
    assertThat(fitted.data().preprocess()).containsExactly(FITTED);
    assertThat(fitted.data().testSplit()).isEqualTo(0.2);
    assertThat(fitted.name()).isEqualTo("e");
    assertThat(fitted.loss()).isEqualTo(e.loss());
    assertThat(e.data().preprocess()).containsExactly(SCALE);
  }

  @Test
  void withDataOfTakesTheOtherDataAndKeepsThisPreprocessing() {
    Experiment trained = experiment(Map.of("train", XOR, "preprocess", List.of(FITTED)));
    Experiment other =
        experiment(Map.of("train", CSV, "stratified", true, "preprocess", List.of(SCALE)));
    Experiment evaluated = trained.withDataOf(other);
    assertThat(evaluated.data().train()).isEqualTo(CSV);
    assertThat(evaluated.data().stratified()).isTrue();
    assertThat(evaluated.data().preprocess()).containsExactly(FITTED);
    assertThat(evaluated.name()).isEqualTo("e");
  }
}
