package io.dendrite.core.train;

import static io.dendrite.core.train.TestComponents.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dendrite.core.DendriteException;
import io.dendrite.core.data.Examples;
import io.dendrite.core.param.Param;
import io.dendrite.core.param.Params;
import io.dendrite.core.spi.ComponentSpec;
import io.dendrite.core.spi.Dataset;
import io.dendrite.core.spi.PluginKind;
import io.dendrite.core.spi.Preprocessor;
import io.dendrite.core.tensor.Matrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataPreparationTests {
  private static final Param<Double> OFFSET = Param.number("offset", 0, "added to every value");

  /** Subtracts the training examples' mean of every value; what it fitted is its offset. */
  static final class Center implements Preprocessor {
    private final List<Integer> fittedOn;
    private float offset;

    Center(List<Integer> fittedOn) {
      this.fittedOn = fittedOn;
    }

    @Override
    public void fit(Examples train) {
      fittedOn.add(train.size());
      Matrix x = train.features().toMatrix();
      double sum = 0;
      for (int i = 0; i < x.size(); i++) {
        sum += x.get(i);
      }
      offset = (float) (-sum / x.size());
    }

    @Override
    public Examples apply(Examples examples) {
      float[] ones = new float[examples.featureCount()];
      float[] shifts = new float[examples.featureCount()];
      java.util.Arrays.fill(ones, 1);
      java.util.Arrays.fill(shifts, offset);
      return examples.withFeatures(examples.features().mapColumns(ones, shifts));
    }

    @Override
    public Map<String, Object> fitted() {
      return Map.of("offset", (double) offset);
    }
  }

  /** Leaves the examples as they are and fits nothing. */
  static final class Nothing implements Preprocessor {
    @Override
    public void fit(Examples train) {}

    @Override
    public Examples apply(Examples examples) {
      return examples;
    }
  }

  private final List<Integer> fittedOn = new ArrayList<>();

  private ExperimentTrainer trainer() {
    var local = XorRuns.components(0.1);
    local.put("center", () -> new Center(fittedOn));
    local.put("nothing", Nothing::new);
    local.put(
        "wide",
        () ->
            (Dataset)
                context ->
                    new Examples(Matrix.floats(2, 3), Matrix.floats(2, 1), List.of(), "wide"));
    local.put(
        "empty",
        () ->
            (Dataset)
                context ->
                    new Examples(Matrix.floats(0, 2), Matrix.floats(0, 1), List.of(), "none.csv"));
    return XorRuns.trainer(local);
  }

  private static ComponentSpec center() {
    return new ComponentSpec(
        PluginKind.PREPROCESSOR, "center", Params.resolve(List.of(OFFSET), Map.of()));
  }

  @Test
  void aTestSetIsLoadedBesideTheTrainingSet() {
    Map<String, Object> values = XorRuns.values("xor16", 1, 4);
    XorRuns.data(values).put("test", spec(PluginKind.DATASET, "xor"));
    PreparedData data = trainer().prepareData(XorRuns.experiment(values));
    assertThat(data.train().size()).isEqualTo(16);
    assertThat(data.validation()).isEmpty();
    assertThat(data.test()).hasValueSatisfying(t -> assertThat(t.size()).isEqualTo(4));
  }

  @Test
  void aTestSplitHoldsOutPartOfTheTrainingData() {
    Map<String, Object> values = XorRuns.values("xor16", 1, 4);
    XorRuns.data(values).put("test_split", 0.25);
    XorRuns.data(values).put("validation_split", 0.25);
    PreparedData data = trainer().prepareData(XorRuns.experiment(values));
    assertThat(data.test()).hasValueSatisfying(t -> assertThat(t.size()).isEqualTo(4));
    assertThat(data.validation()).hasValueSatisfying(v -> assertThat(v.size()).isEqualTo(3));
    assertThat(data.train().size()).isEqualTo(9);
  }

  @Test
  void aTestSetAndATestSplitAreOneTooMany() {
    Map<String, Object> values = XorRuns.values("xor16", 1, 4);
    XorRuns.data(values).put("test", spec(PluginKind.DATASET, "xor"));
    XorRuns.data(values).put("test_split", 0.25);
    assertThatThrownBy(() -> trainer().prepareData(XorRuns.experiment(values)))
        .isInstanceOf(DendriteException.class)
        .hasMessage("the experiment has a test set (data.test) and a test_split: keep one of them")
        .extracting(e -> ((DendriteException) e).configPath())
        .isEqualTo("data.test_split");
  }

  @Test
  void aTestSetOfOtherFeaturesIsRefused() {
    Map<String, Object> values = XorRuns.values("xor", 1, 4);
    XorRuns.data(values).put("test", spec(PluginKind.DATASET, "wide"));
    assertThatThrownBy(() -> trainer().prepareData(XorRuns.experiment(values)))
        .isInstanceOf(DendriteException.class)
        .hasMessage("test examples have 3 features and 1 targets, training examples 2 and 1")
        .extracting(e -> ((DendriteException) e).configPath())
        .isEqualTo("data.test");
  }

  @Test
  void anEmptyDatasetIsRefusedNamingItsPlace() {
    Map<String, Object> values = XorRuns.values("xor", 1, 4);
    XorRuns.data(values).put("test", spec(PluginKind.DATASET, "empty"));
    assertThatThrownBy(() -> trainer().prepareData(XorRuns.experiment(values)))
        .isInstanceOf(DendriteException.class)
        .hasMessage("none.csv: the dataset data.test is empty");
  }

  @Test
  void preprocessingIsFittedOnTheTrainingSplitAndAppliedToEverySet() {
    // xor16's values average 0.5; the 4 test examples of xor are centred with the same offset.
    Map<String, Object> values = XorRuns.values("xor16", 1, 4);
    XorRuns.data(values).put("test", spec(PluginKind.DATASET, "xor"));
    XorRuns.data(values).put("validation_split", 0.25);
    XorRuns.data(values)
        .put("preprocess", List.of(center(), ComponentSpec.of(PluginKind.PREPROCESSOR, "nothing")));
    PreparedData data = trainer().prepareData(XorRuns.experiment(values));
    assertThat(fittedOn).containsExactly(12);
    double offset = (double) data.preprocessing().get(0).params().values().get("offset");
    assertThat(offset).isNotZero();
    assertThat(data.test().orElseThrow().features().toMatrix().floats())
        .containsExactly(
            (float) offset,
            (float) offset,
            (float) offset,
            1 + (float) offset,
            1 + (float) offset,
            (float) offset,
            1 + (float) offset,
            1 + (float) offset);
    float[] validation = data.validation().orElseThrow().features().toMatrix().floats();
    for (float v : validation) {
      assertThat(v).isIn((float) offset, 1 + (float) offset);
    }
    assertThat(data.preprocessing().get(0).id()).isEqualTo("center");
    // a step that fitted nothing is recorded as it was given
    assertThat(data.preprocessing().get(1).id()).isEqualTo("nothing");
    assertThat(data.preprocessing().get(1).params().values()).isEmpty();
    assertThat(data.rawFeatureCount()).isEqualTo(2);
    assertThat(data.featureCount()).isEqualTo(2);
  }
}
