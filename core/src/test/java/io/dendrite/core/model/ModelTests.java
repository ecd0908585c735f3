package io.dendrite.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dendrite.core.DendriteException;
import io.dendrite.core.data.Examples;
import io.dendrite.core.data.Features;
import io.dendrite.core.experiment.PlainExperimentReader;
import io.dendrite.core.nn.Network;
import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.core.random.Rng;
import io.dendrite.core.tensor.Kernels;
import io.dendrite.core.tensor.Matrix;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelTests {
  private static final PluginRegistry REGISTRY = ModelPlugins.registry();

  /** Two features scaled by 2, dense 3 with tanh, dense 2; batches of 2. */
  private static Map<String, Object> experiment() {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("name", "tiny");
    e.put(
        "data",
        Map.of("train", "xor", "preprocess", List.of(Map.of("type", "scale", "factor", 2.0))));
    e.put(
        "model",
        Map.of(
            "layers",
            List.of(
                Map.of("type", "dense", "units", 3, "activation", "tanh"),
                Map.of("type", "dense", "units", 2))));
    e.put("loss", "squared_error");
    e.put("optimizer", "sgd");
    e.put("training", Map.of("batch_size", 2));
    e.put("metrics", List.of());
    return e;
  }

  /** A network of the experiment's architecture with seeded weights, batches of up to 8. */
  private static Network trained() {
    var layers = new PlainExperimentReader(REGISTRY, "test").read(experiment()).layers();
    return Network.build(layers, 2, 8, false, REGISTRY, Kernels.singleThreaded(), new Rng(1))
        .initialize(new Rng(2));
  }

  private static Path write(Path folder, Map<String, Matrix> tensors) {
    Path file = folder.resolve("model.safetensors");
    ModelFile.write(
        file,
        tensors,
        experiment(),
        2,
        2,
        List.of("cat", "dog"),
        Map.of("dendrite.version", "test"));
    return file;
  }

  /** What {@code network} gives for {@code rows} scaled by 2, all in one batch. */
  private static float[][] expected(Network network, float[][] rows) {
    Matrix x = Matrix.floats(rows.length, 2);
    for (int r = 0; r < rows.length; r++) {
      x.set(r, 0, rows[r][0] * 2f);
      x.set(r, 1, rows[r][1] * 2f);
    }
    Matrix y = network.forward(x, false);
    float[][] out = new float[rows.length][2];
    for (int r = 0; r < rows.length; r++) {
      out[r][0] = (float) y.get(r, 0);
      out[r][1] = (float) y.get(r, 1);
    }
    return out;
  }

  private static final float[][] ROWS = {{0, 1}, {1, 0}, {0.5f, -0.5f}, {2, 3}, {-1, -1}};

  @Test
  void aLoadedModelPredictsWhatItsNetworkComputedOnPreprocessedFeatures(@TempDir Path dir) {
    Network network = trained();
    Model model = Model.load(write(dir, network.tensors()), REGISTRY);
    float[][] expected = expected(network, ROWS);
    // five rows in batches of two
    assertThat(model.predict(ROWS)).isDeepEqualTo(expected);
    assertThat(model.predict(ROWS[3])).containsExactly(expected[3]);
    assertThat(model.predict(Features.of(Matrix.wrap(1, 2, new float[] {2, 3}))))
        .isDeepEqualTo(new float[][] {expected[3]});
    assertThat(model.predict(new float[0][])).isEmpty();
  }

  @Test
  void aModelDescribesItself(@TempDir Path dir) {
    Model model = Model.load(write(dir, trained().tensors()), REGISTRY);
    assertThat(model.classNames()).containsExactly("cat", "dog");
    assertThat(model.inputSize()).isEqualTo(2);
    assertThat(model.rawInputSize()).isEqualTo(2);
    assertThat(model.outputSize()).isEqualTo(2);
    assertThat(model.metadata()).containsExactly(Map.entry("dendrite.version", "test"));
    assertThat(model.experiment().name()).isEqualTo("tiny");
    assertThat(model.experiment().training().batchSize()).isEqualTo(2);
  }

  @Test
  void everyNetworkOfAModelHoldsItsWeights(@TempDir Path dir) {
    Network network = trained();
    Model model = Model.load(write(dir, network.tensors()), REGISTRY);
    Network copy = model.network();
    assertThat(copy).isNotSameAs(model.network());
    assertThat(copy.tensors().keySet()).isEqualTo(network.tensors().keySet());
    copy.tensors()
        .forEach(
            (name, m) ->
                assertThat(m.floats())
                    .as(name)
                    .containsExactly(network.tensors().get(name).floats()));
  }

  @Test
  void preprocessingIsTheRunsAsItWasFitted(@TempDir Path dir) {
    Model model = Model.load(write(dir, trained().tensors()), REGISTRY);
    Features raw = Features.of(Matrix.wrap(2, 2, new float[] {1, 2, 3, 4}));
    assertThat(model.preprocess(raw).toMatrix().floats()).containsExactly(2f, 4f, 6f, 8f);
    Examples examples = new Examples(raw, Matrix.floats(2, 1), List.of(), "in");
    Examples done = model.preprocess(examples);
    assertThat(done.features().toMatrix().floats()).containsExactly(2f, 4f, 6f, 8f);
    assertThat(done.source()).isEqualTo("in");
  }

  @Test
  void inputsOfAnotherWidthAreRefused(@TempDir Path dir) {
    Model model = Model.load(write(dir, trained().tensors()), REGISTRY);
    assertThatThrownBy(() -> model.predict(new float[] {1, 2, 3}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the model takes 2 features, not 3");
    assertThatThrownBy(() -> model.predict(new float[][] {{1, 2}, {1}}))
        .hasMessage("the model takes 2 features, not 1");
    assertThatThrownBy(() -> model.predict(Features.of(Matrix.floats(1, 4))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the model takes 2 features, not 4");
  }

  @Test
  void theLargestOutputIsThePredictedClassTheFirstOnTies() {
    assertThat(Model.argmax(new float[] {0.1f, 0.7f, 0.2f})).isEqualTo(1);
    assertThat(Model.argmax(new float[] {0.4f, 0.1f, 0.4f})).isZero();
    assertThat(Model.argmax(new float[] {0.1f, 0.4f, 0.4f})).isEqualTo(1);
    assertThat(Model.argmax(new float[] {0.9f})).isZero();
  }

  @Test
  void tensorsThatDoNotFitTheArchitectureAreBadData(@TempDir Path dir) {
    Map<String, Matrix> missing = new LinkedHashMap<>(trained().tensors());
    missing.remove("layers.1.bias");
    Path file = write(dir, missing);
    assertThatThrownBy(() -> Model.load(file, REGISTRY))
        .isInstanceOf(DendriteException.class)
        .hasMessageStartingWith("the model's tensors [")
        .hasMessageContaining("do not fit its architecture, which has [")
        .extracting(e -> ((DendriteException) e).kind())
        .isEqualTo(DendriteException.Kind.DATA);

    Map<String, Matrix> wide = new LinkedHashMap<>(trained().tensors());
    wide.put("layers.1.bias", Matrix.floats(1, 3));
    Path other = write(dir, wide);
    assertThatThrownBy(() -> Model.load(other, REGISTRY))
        .isInstanceOf(DendriteException.class)
        .hasMessage("the model's tensor layers.1.bias is 1x3 but its architecture needs 1x2");
  }

  @Test
  void aModelNeedingPluginsThatAreNotInstalledIsRefusedNamingThem(@TempDir Path dir) {
    Path file = write(dir, trained().tensors());
    // core's own plugins have no tanh, loss, optimizer or dataset
    assertThatThrownBy(() -> Model.load(file))
        .isInstanceOf(DendriteException.class)
        .hasMessageContaining("which is not installed here");
  }

  @Test
  void aPredictionMadeWhileAnotherIsUnderWayGetsANetworkOfItsOwn(@TempDir Path dir) {
    Network network = trained();
    Model model = Model.load(write(dir, network.tensors()), REGISTRY);
    float[][] expected = expected(network, ROWS);
    List<float[][]> inner = new java.util.ArrayList<>();
    // Features that predict as they are read: the outer prediction holds the model's network.
    Features raw = Features.of(Matrix.wrap(1, 2, ROWS[0]));
    Features predicting =
        new Features() {
          @Override
          public int rows() {
            return 1;
          }

          @Override
          public int cols() {
            return 2;
          }

          @Override
          public void copyRow(int row, float[] into, int offset) {
            inner.add(model.predict(ROWS));
            raw.copyRow(row, into, offset);
          }

          @Override
          public Features select(int[] rows) {
            return raw.select(rows);
          }

          @Override
          public long bytes() {
            return raw.bytes();
          }
        };
    assertThat(model.predict(predicting)).isDeepEqualTo(new float[][] {expected[0]});
    assertThat(inner).hasSize(1);
    assertThat(inner.get(0)).isDeepEqualTo(expected);
  }

  @Test
  void threadsPredictingAtOnceGetTheSameAnswers(@TempDir Path dir) throws Exception {
    Network network = trained();
    Model model = Model.load(write(dir, network.tensors()), REGISTRY);
    float[][] expected = expected(network, ROWS);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      Callable<float[][]> task = () -> model.predict(ROWS);
      List<Future<float[][]>> futures = pool.invokeAll(List.of(task, task, task, task, task, task));
      for (Future<float[][]> f : futures) {
        assertThat(f.get()).isDeepEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
