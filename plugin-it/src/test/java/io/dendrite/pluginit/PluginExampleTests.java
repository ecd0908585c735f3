package io.dendrite.pluginit;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.dendrite.runner.cli.Main;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The example plugin project, built by its own Maven build before this test (invoker, in {@code
 * pre-integration-test}), used as people use a plugin: its jar named by the experiment or dropped
 * into a {@code plugins/} folder, with {@code dendrite} in a JVM of its own.
 */
class PluginExampleTests {
  private static final Path EXAMPLE = Path.of(System.getProperty("dendrite.pluginExample"));
  private static final String JAR = "dendrite-plugin-example-1.0.0.jar";
  private static final List<String> PLUGINS =
      List.of(
          "SquareplusActivation",
          "FocalLoss",
          "LionOptimizer",
          "TwoMoonsDataset",
          "SparseInitializer",
          "ScaleLayer",
          "ErrorRateMetric",
          "InverseSqrtSchedule",
          "MeanCenterPreprocessor");

  @TempDir Path dir;

  record Outcome(int exitCode, String out, String err) {}

  /** {@code dendrite args...} in a child JVM, in {@code folder}, with a home of its own. */
  private Outcome dendrite(Path folder, String... args) throws IOException, InterruptedException {
    Path home = Files.createDirectories(dir.resolve("home"));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("--add-modules", "jdk.incubator.vector"));
    // No ~/.dendrite/plugins of whoever runs the build.
    command.add("-Duser.home=" + home);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process p =
        new ProcessBuilder(command)
            .directory(folder.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    p.getOutputStream().close();
    if (!p.waitFor(2, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("dendrite " + String.join(" ", args) + " did not finish");
    }
    return new Outcome(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void theExampleWasBuiltAndEveryPluginsContractTestPassed() throws IOException {
    assertThat(EXAMPLE.resolve("target").resolve(JAR)).isRegularFile();
    Path reports = EXAMPLE.resolve("target/surefire-reports");
    for (String plugin : PLUGINS) {
      Path report = reports.resolve("TEST-org.example.dendrite." + plugin + "Tests.xml");
      assertThat(report).as("contract test of %s", plugin).isRegularFile();
      assertThat(Files.readString(report))
          .containsPattern("<testsuite [^>]*errors=\"0\"")
          .containsPattern("<testsuite [^>]*failures=\"0\"");
    }
  }

  @Test
  void itsExperimentRunsWithTheJarTheFileNames() throws Exception {
    Outcome r = dendrite(dir, "run", EXAMPLE.resolve("experiment.yaml").toString(), "--out", "run");
    assertThat(r.exitCode()).as("stderr:%n%s", r.err()).isZero();
    assertThat(r.err()).doesNotContain("plugin problem");
    assertThat(r.out()).contains("epoch 30/30").containsPattern("(?m)^test  loss ");

    Map<?, ?> metrics = (Map<?, ?>) yaml(Files.readString(dir.resolve("run/metrics.json")));
    Map<?, ?> test = (Map<?, ?>) metrics.get("test");
    assertThat(((Number) test.get("accuracy")).doubleValue()).isGreaterThan(0.8);
    assertThat(((Number) test.get("error_rate")).doubleValue()).isLessThan(0.2);
    assertThat(Files.readString(dir.resolve("run/experiment.resolved.yaml")))
        .contains("type: two_moons", "type: squareplus", "type: sparse", "type: scale")
        .contains("type: focal", "type: sign_momentum", "type: inverse_sqrt", "type: error_rate")
        .containsPattern("type: mean_center\\n\\s+mean: \\[");
  }

  @Test
  void theJarDroppedIntoAPluginsFolderIsListedDescribedCheckedAndUsable() throws Exception {
    Path work = Files.createDirectories(dir.resolve("work"));
    Path plugins = Files.createDirectories(work.resolve("plugins"));
    Files.copy(EXAMPLE.resolve("target").resolve(JAR), plugins.resolve(JAR));
    Files.copy(
        EXAMPLE.resolve("experiment.yaml"),
        work.resolve("experiment.yaml"),
        StandardCopyOption.REPLACE_EXISTING);

    Outcome doctor = dendrite(work, "plugins", "doctor");
    assertThat(doctor.exitCode()).as(doctor.out()).isZero();
    assertThat(doctor.out())
        .contains(plugins + "  (1 jar)")
        .contains(PLUGINS.size() + " of them from plugin folders")
        .contains("no problems");

    Outcome table = dendrite(work, "plugins");
    assertThat(table.out())
        .containsPattern(
            "optimizer +sign_momentum +- +learning_rate=1e-4 \\(> 0\\), beta1=0\\.9 .* " + JAR)
        .containsPattern(
            "dataset +two_moons +- +samples=400 \\(>= 2\\), noise=0\\.1 \\(>= 0\\) +" + JAR);
    assertThat(dendrite(work, "plugins", "--json").out()).contains("\"version\": \"1.0.0\"");

    Outcome describe = dendrite(work, "plugins", "describe", "sign_momentum");
    assertThat(withoutSource(describe.out()))
        .as("dendrite plugins describe sign_momentum, as PLUGINS.md shows it")
        .isEqualTo(withoutSource(shownInTheGuide("optimizer sign_momentum: ")));

    Outcome schema = dendrite(work, "schema");
    assertThat(schema.exitCode()).isZero();
    Schema validator =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(schema.out());
    String experiment = Files.readString(work.resolve("experiment.yaml"));
    assertThat(validator.validate(tree(experiment))).isEmpty();
    assertThat(validator.validate(tree(experiment.replace("gamma: 2", "gamma: -2")))).isNotEmpty();
    assertThat(validator.validate(tree(experiment.replace("gamma: 2", "gama: 2")))).isNotEmpty();

    // The copy's plugins: [target] names nothing here: the override empties it.
    Outcome run = dendrite(work, "run", "experiment.yaml", "plugins=[]", "--out", "run", "-q");
    assertThat(run.exitCode()).as("stderr:%n%s", run.err()).isZero();
    assertThat(run.out()).containsPattern("(?m)^test  loss \\S+  accuracy \\S+  error_rate \\S+$");
    try (Stream<Path> files = Files.list(work.resolve("run"))) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .contains("metrics.json", "metrics.csv", "experiment.resolved.yaml");
    }
  }

  /** The output block of PLUGINS.md that starts with {@code start}. */
  private static String shownInTheGuide(String start) throws IOException {
    String guide =
        Files.readString(Path.of(System.getProperty("dendrite.root")).resolve("PLUGINS.md"));
    int from = guide.indexOf(start);
    assertThat(from).as("PLUGINS.md shows %s", start).isNotNegative();
    return guide.substring(from, guide.indexOf("```", from));
  }

  /** {@code text} without its {@code source} line: where the jar is differs. */
  private static String withoutSource(String text) {
    return text.replaceAll("(?m)^  source +.*$", "  source");
  }

  private static Object yaml(String text) {
    return new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
  }

  private static JsonNode tree(String yaml) {
    return JsonMapper.shared().valueToTree(yaml(yaml));
  }
}
