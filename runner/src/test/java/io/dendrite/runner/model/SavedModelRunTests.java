package io.dendrite.runner.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.data.Features;
import io.dendrite.core.model.Model;
import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.runner.ChildCli;
import io.dendrite.runner.StrictJson;
import io.dendrite.runner.TestFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's {@code model.safetensors} in use: {@code evaluate}, {@code predict}, the Java API of the
 * README, and PyTorch rebuilding the network from the file alone. One real run, in a child process.
 */
class SavedModelRunTests {
  static final String DIGITS =
      """
      name: digits
      seed: 5
      data:
        train: {type: mnist_sample, split: train}
        test: {type: mnist_sample, split: test}
        validation_split: 0.1
      model:
        layers:
          - {type: dense, units: 64, activation: relu}
          - {type: dense, units: 10, activation: softmax}
      loss: cross_entropy
      optimizer: {type: adam, learning_rate: 0.003}
      training: {epochs: 3, batch_size: 64}
      metrics: [accuracy, {type: f1, average: macro, name: f1_macro}]
      """;

  @TempDir static Path dir;
  static ChildCli cli;
  static Path model;
  static final SampleDigits digits = new SampleDigits();

  @BeforeAll
  static void train() throws Exception {
    cli = new ChildCli(dir);
    TestFiles.write(dir, "digits.yaml", DIGITS);
    ChildCli.Outcome r = cli.run("run", "digits.yaml", "--out", "run", "-q");
    assertThat(r.exitCode()).as("the run; stderr:%n%s", r.err()).isZero();
    model = dir.resolve("run/model.safetensors");
    assertThat(model).isRegularFile();
  }

  @Test
  void evaluateRecomputesExactlyTheNumbersOfTheRun() throws Exception {
    Map<?, ?> metrics =
        (Map<?, ?>) StrictJson.parse(Files.readString(dir.resolve("run/metrics.json")));
    ChildCli.Outcome json = cli.run("evaluate", "run/model.safetensors", "--json");
    assertThat(json.exitCode()).as(json.err()).isZero();
    Map<?, ?> evaluated = (Map<?, ?>) StrictJson.parse(json.out());
    assertThat(evaluated.get("test")).isEqualTo(metrics.get("test"));
    assertThat(evaluated.get("examples")).isEqualTo(2000L);
    assertThat(evaluated.get("same_as_run")).isEqualTo(true);

    ChildCli.Outcome text = cli.run("evaluate", "run");
    assertThat(text.exitCode()).as(text.err()).isZero();
    Map<?, ?> test = (Map<?, ?>) metrics.get("test");
    assertThat(text.out())
        .contains(
            String.format(
                java.util.Locale.ROOT,
                "test  loss %.4f  accuracy %.4f",
                (Double) test.get("loss"),
                (Double) test.get("accuracy")))
        .contains("the same as its run reported, bit for bit");
  }

  @Test
  void predictPutsTheClassOfAnMnistDigitFirst() throws Exception {
    Model m = Model.load(model);
    int chosen = -1;
    for (int i = 8000; i < 8100 && chosen < 0; i++) {
      // A digit the model knows, so that the test is about the picture, not the model.
      float[] p = m.predict(digits.features(i));
      if (Model.argmax(p) == digits.label(i) && p[Model.argmax(p)] > 0.9f) {
        chosen = i;
      }
    }
    assertThat(chosen).as("a digit the model classifies confidently").isPositive();
    String label = Integer.toString(digits.label(chosen));
    digits.png(chosen, dir.resolve("digit.png"));
    digits.photo(chosen, dir.resolve("photo.jpg"));

    ChildCli.Outcome r = cli.run("predict", "run/model.safetensors", "digit.png", "photo.jpg");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out().lines().toList())
        .hasSize(2)
        .allSatisfy(line -> assertThat(line.split("  ")[1]).startsWith(label + " "));

    ChildCli.Outcome json = cli.run("predict", "run", "digit.png", "--top", "2", "--json");
    assertThat(json.exitCode()).as(json.err()).isZero();
    List<?> predictions = (List<?>) StrictJson.parse(json.out());
    Map<?, ?> first = (Map<?, ?>) ((List<?>) ((Map<?, ?>) predictions.get(0)).get("top")).get(0);
    assertThat(first.get("class")).isEqualTo(label);
    assertThat((List<?>) ((Map<?, ?>) predictions.get(0)).get("top")).hasSize(2);
  }

  @Test
  void predictSaysWhichInputsItReads() throws Exception {
    Files.writeString(dir.resolve("notes.txt"), "hello");
    ChildCli.Outcome r = cli.run("predict", "run", "notes.txt");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .contains("notes.txt: the model's dataset (mnist_sample) reads PNG or JPEG images");
  }

  @Test
  void pytorchRebuildsTheNetworkFromTheFileAndPredictsTheSame() throws Exception {
    Path python = Python.withTorch();
    Model m = Model.load(model);
    int n = 200;
    Matrix raw = Matrix.floats(n, 784);
    for (int i = 0; i < n; i++) {
      System.arraycopy(digits.features(8000 + i), 0, raw.floats(), i * 784, 784);
    }
    float[][] expected = m.predict(Features.of(raw));
    Matrix inputs = m.preprocess(Features.of(raw)).toMatrix();
    StringBuilder csv = new StringBuilder();
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < 784; j++) {
        csv.append(j == 0 ? "" : ",").append(inputs.floats()[i * 784 + j]);
      }
      csv.append('\n');
    }
    Files.writeString(dir.resolve("inputs.csv"), csv);
    Process p =
        new ProcessBuilder(
                python.toString(),
                Python.repository().resolve("tools/torch_predict.py").toString(),
                model.toString(),
                dir.resolve("inputs.csv").toString(),
                dir.resolve("outputs.csv").toString())
            .redirectErrorStream(true)
            .start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(log).isZero();
    List<String> rows = Files.readAllLines(dir.resolve("outputs.csv"));
    assertThat(rows).hasSize(n);
    double worst = 0;
    for (int i = 0; i < n; i++) {
      String[] cells = rows.get(i).split(",");
      assertThat(cells).hasSize(10);
      for (int c = 0; c < 10; c++) {
        worst = Math.max(worst, Math.abs(Double.parseDouble(cells[c]) - expected[i][c]));
      }
    }
    assertThat(worst).as("largest difference from Dendrite's probabilities").isLessThan(1e-5);
  }

  @Test
  void theJavaExampleOfTheReadmeCompilesAndRuns() throws Exception {
    String readme = Files.readString(Python.repository().resolve("README.md"));
    int start = readme.indexOf("<!-- java-api-example");
    int end = readme.indexOf("<!-- end java-api-example -->");
    assertThat(start).as("the example's markers in README.md").isPositive();
    String block = readme.substring(start, end);
    String source = block.substring(block.indexOf("```java") + 7, block.lastIndexOf("```"));
    assertThat(source.lines().filter(l -> !l.isBlank()).count())
        .as("lines of the example")
        .isLessThanOrEqualTo(16);
    Path src = Files.createDirectories(dir.resolve("example"));
    Files.writeString(src.resolve("Classify.java"), source);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int compiled =
        javac.run(
            null,
            null,
            null,
            "-d",
            src.toString(),
            "-cp",
            System.getProperty("java.class.path"),
            src.resolve("Classify.java").toString());
    assertThat(compiled).as("javac on the README's example").isZero();

    int i = 8001;
    StringBuilder cells = new StringBuilder();
    for (float v : digits.features(i)) {
      cells.append(cells.length() == 0 ? "" : ",").append(v);
    }
    Files.writeString(dir.resolve("digit.csv"), cells);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--add-modules");
    command.add("jdk.incubator.vector");
    command.add("-cp");
    command.add(src + java.io.File.pathSeparator + System.getProperty("java.class.path"));
    command.add("Classify");
    command.add(model.toString());
    command.add(dir.resolve("digit.csv").toString());
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    Model m = Model.load(model, PluginRegistry.discover(getClass().getClassLoader()));
    float[] p2 = m.predict(digits.features(i));
    int best = Model.argmax(p2);
    assertThat(out)
        .contains(
            String.format(java.util.Locale.ROOT, "%s %.4f", m.classNames().get(best), p2[best]));
  }

  @Test
  void aModelIsSharedByThreadsPredictingAtOnce() throws Exception {
    Model m = Model.load(model);
    float[][] alone = new float[64][];
    for (int i = 0; i < 64; i++) {
      alone[i] = m.predict(digits.features(8000 + i));
    }
    List<Thread> threads = new ArrayList<>();
    java.util.concurrent.ConcurrentLinkedQueue<String> wrong =
        new java.util.concurrent.ConcurrentLinkedQueue<>();
    for (int t = 0; t < 4; t++) {
      Thread thread =
          new Thread(
              () -> {
                for (int round = 0; round < 20; round++) {
                  for (int i = 0; i < 64; i++) {
                    if (!java.util.Arrays.equals(m.predict(digits.features(8000 + i)), alone[i])) {
                      wrong.add("example " + i);
                    }
                  }
                }
              });
      thread.start();
      threads.add(thread);
    }
    for (Thread t : threads) {
      t.join();
    }
    assertThat(wrong).isEmpty();
  }
}
