package io.dendrite.runner.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.experiment.Experiment;
import io.dendrite.core.spi.ComponentSpec;
import io.dendrite.core.spi.PluginKind;
import io.dendrite.runner.ExperimentLoader;
import io.dendrite.runner.FixturePlugins;
import io.dendrite.runner.TestFiles;
import io.dendrite.runner.config.ConfigException;
import io.dendrite.runner.config.ConfigProblem;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentValidatorTests {
  @TempDir Path dir;

  private LoadedExperiment load(String yaml, String... overrides) {
    Path file = TestFiles.write(dir, "exp.yaml", yaml);
    return new ExperimentLoader(FixturePlugins.registry())
        .load(file, "exp.yaml", List.of(overrides));
  }

  private List<String> problems(String yaml, String... overrides) {
    try {
      load(yaml, overrides);
    } catch (ConfigException e) {
      return e.problems().stream().map(ConfigProblem::toString).toList();
    }
    throw new AssertionError("expected problems in:\n" + yaml);
  }

  private static String replace(String from, String to) {
    String changed = TestFiles.VALID.replace(from, to);
    assertThat(changed).as("fixture contains %s", from).isNotEqualTo(TestFiles.VALID);
    return changed;
  }

  @Test
  void validFileGivesTheExperimentWithEveryDefaultFilled() {
    Experiment e = load(TestFiles.VALID).experiment();
    assertThat(e.name()).isEqualTo("tiny");
    assertThat(e.seed()).isEqualTo(7);
    assertThat(e.layers()).hasSize(2);
    ComponentSpec dense = e.layers().get(0);
    assertThat(dense.id()).isEqualTo("dense");
    assertThat(dense.params().toMap())
        .isEqualTo(
            Map.of(
                "units",
                16,
                "activation",
                Map.of("type", "relu"),
                "initializer",
                Map.of("type", "he_normal"),
                "use_bias",
                true));
    assertThat(e.optimizer().params().toMap())
        .containsEntry("learning_rate", 0.01)
        .containsEntry("beta1", 0.9);
    assertThat(e.training().epochs()).isEqualTo(2);
    assertThat(e.training().shuffle()).isTrue();
    assertThat(e.training().threads()).isZero();
    assertThat(e.data().validationSplit()).isEqualTo(0.1);
    assertThat(e.data().test()).isPresent();
  }

  @Test
  void leftOutSectionsTakeTheirDefaults() {
    Experiment e =
        load("""
                data: {train: mnist_sample}
                model: {layers: [{type: dense, units: 10}]}
                loss: cross_entropy
                """)
            .experiment();
    assertThat(e.name()).isEqualTo("exp");
    assertThat(e.seed()).isZero();
    assertThat(e.optimizer().id()).isEqualTo("adam");
    assertThat(e.optimizer().params().toMap()).containsEntry("learning_rate", 0.001);
    assertThat(e.metrics()).extracting(ComponentSpec::id).containsExactly("accuracy");
    assertThat(e.training().epochs()).isEqualTo(10);
    assertThat(e.training().batchSize()).isEqualTo(32);
    assertThat(e.data().test()).isEmpty();
    assertThat(e.data().validationSplit()).isZero();
    assertThat(e.layers().get(0).params().toMap())
        .containsEntry("activation", Map.of("type", "identity"));
  }

  @Test
  void unknownActivationPointsAtTheValueWithADidYouMean() {
    assertThat(problems(replace("units: 16, activation: relu", "units: 16, activation: rleu")))
        .containsExactly(
            "exp.yaml:9:44: model.layers[0].activation: unknown activation 'rleu' (did you mean"
                + " 'relu'?); known: identity, leaky_relu, linear, relu, sigmoid, softmax");
  }

  @Test
  void aliasesResolveToTheCanonicalId() {
    Experiment e = load(replace("activation: relu", "activation: linear")).experiment();
    assertThat(e.layers().get(0).params().toMap())
        .containsEntry("activation", Map.of("type", "identity"));
  }

  @Test
  void unknownKeysPointAtTheKeyWithADidYouMean() {
    assertThat(problems(replace("training:", "trainig:")))
        .containsExactly(
            "exp.yaml:13:1: trainig: unknown key 'trainig' (did you mean 'training'?); known: name,"
                + " seed, plugins, data, model, loss, optimizer, training, metrics");
    assertThat(problems(replace("batch_size: 64", "batchsize: 64")))
        .containsExactly(
            "exp.yaml:15:3: training.batchsize: unknown key 'batchsize' in training (did you mean"
                + " 'batch_size'?); known: epochs, batch_size, shuffle, threads, clip, early_stopping, max_seconds,"
                + " max_loss, checkpoint, distributed");
    assertThat(problems(replace("units: 16,", "unit: 16,")))
        .containsExactly(
            "exp.yaml:9:7: model.layers[0].units: missing required parameter of layer 'dense' (an"
                + " integer >= 1)",
            "exp.yaml:9:21: model.layers[0].unit: unknown parameter 'unit' of layer 'dense' (did"
                + " you mean 'units'?); known: units, activation, initializer, use_bias");
  }

  @Test
  void parametersOfAPluginWithNoneAreUnknown() {
    assertThat(problems(replace("activation: relu", "activation: {type: relu, alpha: 0.1}")))
        .containsExactly(
            "exp.yaml:9:57: model.layers[0].activation.alpha: unknown parameter 'alpha' of"
                + " activation 'relu'; it takes no parameters");
  }

  @Test
  void everyProblemInTheFileIsReportedAtOnceInFileOrder() {
    List<String> found =
        problems(
            """
            name: many
            seed: ten
            data:
              train: {type: mnist_sample, split: tarin}
              validation_split: 1.5
            model:
              layers:
                - {type: dense, units: "2", activation: rleu}
                - {type: dropout, rate: 1.5}
                - {type: dense, units: 0}
            loss: crossentropy
            optimizer: {type: adam, learning_rate: -1}
            training: {epochs: ten, batch_size: 0, shuffle: maybe}
            metrics: [accuracy, acuracy]
            colour: blue
            """);
    assertThat(found)
        .containsExactly(
            "exp.yaml:2:7: seed: expected a 64-bit integer, found \"ten\" (text)",
            "exp.yaml:4:38: data.train.split: 'tarin' is not one of train, test (did you mean"
                + " 'train'?)",
            "exp.yaml:5:21: data.validation_split: must be >= 0 and < 1, found 1.5",
            "exp.yaml:8:28: model.layers[0].units: expected an integer >= 1, found \"2\" (text)",
            "exp.yaml:8:45: model.layers[0].activation: unknown activation 'rleu' (did you mean"
                + " 'relu'?); known: identity, leaky_relu, linear, relu, sigmoid, softmax",
            "exp.yaml:9:29: model.layers[1].rate: must be >= 0 and < 1, found 1.5",
            "exp.yaml:10:28: model.layers[2].units: must be >= 1, found 0",
            "exp.yaml:11:7: loss: unknown loss 'crossentropy' (did you mean 'cross_entropy'?);"
                + " known: cross_entropy, mse",
            "exp.yaml:12:40: optimizer.learning_rate: must be > 0, found -1",
            "exp.yaml:13:20: training.epochs: expected an integer >= 1, found \"ten\" (text)",
            "exp.yaml:13:37: training.batch_size: must be >= 1, found 0",
            "exp.yaml:13:49: training.shuffle: expected true or false, found \"maybe\" (text)",
            "exp.yaml:14:21: metrics[1]: unknown metric 'acuracy' (did you mean 'accuracy'?);"
                + " known: accuracy",
            "exp.yaml:15:1: colour: unknown key 'colour'; known: name, seed, plugins, data, model, loss,"
                + " optimizer, training, metrics");
  }

  @Test
  void nonFiniteNumbersAreRefused() {
    assertThat(problems(replace("learning_rate: 0.01", "learning_rate: .nan")))
        .containsExactly(
            "exp.yaml:12:40: optimizer.learning_rate: expected a finite number, found .nan");
    assertThat(problems(replace("learning_rate: 0.01", "learning_rate: .inf")))
        .singleElement()
        .asString()
        .startsWith("exp.yaml:12:40: optimizer.learning_rate: expected a finite number, found");
  }

  @Test
  void wrongTypesAreRefused() {
    assertThat(problems(replace("epochs: 2", "epochs: 2.5")))
        .containsExactly(
            "exp.yaml:14:11: training.epochs: expected an integer >= 1, found 2.5 (a number)");
    assertThat(problems(replace("epochs: 2", "epochs: [2]")))
        .containsExactly("exp.yaml:14:11: training.epochs: expected an integer >= 1, found a list");
    assertThat(problems(replace("loss: cross_entropy", "loss: 3")))
        .singleElement()
        .asString()
        .startsWith(
            "exp.yaml:11:7: loss: expected a loss id or {type: id, ...}, found 3 (an integer)");
    assertThat(problems(replace("metrics: [accuracy]", "metrics: accuracy")))
        .containsExactly(
            "exp.yaml:16:10: metrics: expected a list of metric ids, e.g. [accuracy], found"
                + " \"accuracy\" (text)");
    assertThat(problems(replace("name: tiny", "name: ../../etc")))
        .singleElement()
        .asString()
        .startsWith("exp.yaml:1:7: name: expected a name of letters, digits");
  }

  @Test
  void missingRequiredKeysPointAtTheParentMapping() {
    assertThat(problems("name: x\nseed: 1\n"))
        .containsExactly(
            "exp.yaml:1:1: data: missing required key (a mapping with: train, test,"
                + " validation_split, test_split, stratified, preprocess)",
            "exp.yaml:1:1: model: missing required key (a mapping with: layers)",
            "exp.yaml:1:1: loss: missing required key (a loss id or {type: id, ...}; known:"
                + " cross_entropy, mse)");
    assertThat(problems(replace("  train: {type: mnist_sample, split: train}\n", "")))
        .containsExactly(
            "exp.yaml:4:3: data.train: missing required key in data (a dataset id or {type: id,"
                + " ...}; known: idx, mnist_sample)");
    assertThat(problems(replace("{type: dense, units: 16, activation: relu}", "{units: 16}")))
        .singleElement()
        .asString()
        .startsWith(
            "exp.yaml:9:7: model.layers[0].type: missing 'type': which layer (known: dense, dropout)");
  }

  @Test
  void emptyLayerListAndDuplicateMetricsAreRefused() {
    assertThat(problems("data: {train: mnist_sample}\nmodel: {layers: []}\nloss: mse\n"))
        .containsExactly("exp.yaml:2:17: model.layers: expected at least 1 layer, found none");
    assertThat(problems(replace("metrics: [accuracy]", "metrics: [accuracy, accuracy]")))
        .containsExactly(
            "exp.yaml:16:21: metrics[1]: metric name 'accuracy' is used twice (first at"
                + " metrics[0]); give one a name of its own: {type: accuracy, name: accuracy_2}");
  }

  @Test
  void metricsAreKnownByTheirNameWhichDefaultsToTheirId() {
    Experiment e =
        load(replace("metrics: [accuracy]", "metrics: [accuracy, {type: accuracy, name: acc2}]"))
            .experiment();
    assertThat(e.metrics()).extracting(ComponentSpec::name).containsExactly("accuracy", "acc2");
    assertThat(e.metrics()).extracting(ComponentSpec::id).containsExactly("accuracy", "accuracy");
    assertThat(e.toMap().get("metrics"))
        .isEqualTo(List.of(Map.of("type", "accuracy"), Map.of("type", "accuracy", "name", "acc2")));
    assertThat(problems(replace("metrics: [accuracy]", "metrics: [{type: accuracy, name: Acc}]")))
        .containsExactly(
            "exp.yaml:16:34: metrics[0].name: expected a name of lower-case letters, digits and"
                + " '_', starting with a letter, found \"Acc\" (text)");
    assertThat(problems(replace("activation: relu", "activation: {type: relu, name: r}")))
        .as("only metrics have names")
        .singleElement()
        .asString()
        .contains("unknown parameter 'name' of activation 'relu'");
  }

  @Test
  void pathsAreResolvedAgainstTheExperimentFolder() {
    // The idx dataset's paths are inputs, which validation requires to exist.
    TestFiles.write(dir, "sub/data/train-images.gz", "");
    Path absolute = TestFiles.write(dir, "abs/labels.gz", "").toAbsolutePath();
    Path file =
        TestFiles.write(
            dir,
            "sub/exp.yaml",
            """
            data:
              train: {type: idx, images: data/train-images.gz, labels: %s}
            model: {layers: [{type: dense, units: 10}]}
            loss: mse
            """
                .formatted(absolute));
    Experiment e =
        new ExperimentLoader(FixturePlugins.registry())
            .load(file, "sub/exp.yaml", List.of())
            .experiment();
    Map<String, Object> train = e.data().train().params().toMap();
    assertThat(train.get("images")).isEqualTo(dir.resolve("sub/data/train-images.gz"));
    assertThat(train.get("labels")).isEqualTo(absolute);
  }

  @Test
  void positionsLocateFieldsForProblemsFoundLater() {
    LoadedExperiment loaded = load(TestFiles.VALID);
    assertThat(
            loaded.problemAt("model.layers[1].units", "does not match the 10 classes").toString())
        .isEqualTo("exp.yaml:10:28: model.layers[1].units: does not match the 10 classes");
    // A defaulted field is reported at the closest enclosing value.
    assertThat(loaded.positions().locate("model.layers[1].initializer").toString())
        .isEqualTo("exp.yaml:10:7");
    assertThat(loaded.positions().locate("no.such.path").toString()).isEqualTo("exp.yaml:1:1");
  }

  @Test
  void componentParametersAreValidatedRecursively() {
    Experiment e =
        load(replace("activation: relu", "activation: {type: leaky_relu, alpha: 0.2}"))
            .experiment();
    ComponentSpec activation =
        (ComponentSpec)
            e.layers().get(0).params().declared().stream()
                .filter(p -> p.name().equals("activation"))
                .map(p -> e.layers().get(0).params().get(p))
                .findFirst()
                .orElseThrow();
    assertThat(activation.kind()).isEqualTo(PluginKind.ACTIVATION);
    assertThat(activation.params().toMap()).isEqualTo(Map.of("alpha", 0.2));
    assertThat(problems(replace("activation: relu", "activation: {type: leaky_relu, alpha: -1}")))
        .containsExactly("exp.yaml:9:70: model.layers[0].activation.alpha: must be >= 0, found -1");
  }

  @Test
  void readingAndValidationProblemsAreReportedTogether() {
    assertThat(
            problems(
                replace("seed: 7", "seed: 7\nseed: 8")
                    .replace("activation: relu", "activation: rleu")
                    .replace("loss: cross_entropy", "loss: !custom cross_entropy")))
        .containsExactly(
            "exp.yaml:3:1: seed: duplicate key 'seed' (first at line 2, column 1); each key may"
                + " appear once",
            "exp.yaml:10:44: model.layers[0].activation: unknown activation 'rleu' (did you mean"
                + " 'relu'?); known: identity, leaky_relu, linear, relu, sigmoid, softmax",
            "exp.yaml:12:7: loss: tag !custom is not allowed: experiment files hold plain values"
                + " (text, numbers, booleans, lists, mappings) and never name types");
  }
}
