package io.dendrite.runner.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.spi.MetricValue;
import io.dendrite.core.train.Evaluation;
import io.dendrite.core.train.PreparedData;
import io.dendrite.core.train.TrainingPlan;
import io.dendrite.core.train.TrainingResult;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/** The plots and the page written for a network trained on the MNIST sample, read back. */
class ReportWriterTests {
  private static final String RESOLVED = "experiment.resolved.yaml";

  @TempDir static Path dir;

  private static TrainedRun trained;
  private static Path run;
  private static ReportPageXml page;

  static Map<String, Object> provenance() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("Dendrite version", "9.9.9-test");
    p.put("Processors", 2);
    p.put("Started", OffsetDateTime.of(2026, 11, 28, 20, 30, 15, 0, ZoneOffset.UTC));
    p.put("Duration", Duration.ofMillis(83_400));
    p.put("Seed <&>", "escaped");
    return p;
  }

  @BeforeAll
  static void writeTheReport() throws IOException {
    trained = TrainedRun.train(dir, "fixture.yaml");
    run = Files.createDirectories(dir.resolve("run"));
    Files.writeString(run.resolve(RESOLVED), TrainedRun.YAML);
    Path report =
        new ReportWriter(trained.experiment(), RESOLVED).write(run, trained.result(), provenance());
    assertThat(report).isEqualTo(run.resolve("report.html"));
    page = ReportPageXml.parse(report);
  }

  private static Evaluation test() {
    return trained.result().test().orElseThrow();
  }

  @Test
  void drawsTheLossEachMetricTheLearningRateAndTheConfusionMatrixAsPngs() throws IOException {
    try (Stream<Path> files = Files.list(run.resolve("plots"))) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "loss.png",
              "accuracy.png",
              "f1_macro.png",
              "precision.png",
              // The metric's curve: its own name is the matrix's file.
              "metric_confusion_matrix.png",
              "learning_rate.png",
              "confusion_matrix.png");
    }
    BufferedImage loss = ReportPageXml.image(Files.readAllBytes(run.resolve("plots/loss.png")));
    assertThat(loss.getWidth()).isEqualTo(640);
    assertThat(loss.getHeight()).isEqualTo(400);
    BufferedImage matrix =
        ReportPageXml.image(Files.readAllBytes(run.resolve("plots/confusion_matrix.png")));
    assertThat(matrix.getWidth()).isEqualTo(matrix.getHeight()).isGreaterThanOrEqualTo(480);
    assertThat(colours(matrix)).as("shaded cells, not a blank square").isGreaterThan(20);
  }

  @Test
  void thePageHasTheExperimentsNameTheHeadlineTestResultsAndEverySection() {
    assertThat(page.one("//title").getTextContent()).isEqualTo("report-fixture · Dendrite report");
    assertThat(page.one("//h1").getTextContent()).isEqualTo("report-fixture");
    assertThat(page.texts("//section/@id"))
        .containsExactly(
            "results",
            "curves",
            "confusion",
            "per-class",
            "misclassified",
            "experiment",
            "provenance");
    assertThat(page.texts("//nav/a/@href"))
        .containsExactly(
            "#results",
            "#curves",
            "#confusion",
            "#per-class",
            "#misclassified",
            "#experiment",
            "#provenance");
    assertThat(page.texts("//section[@id='results']//div[@class='label']"))
        .containsExactly("loss", "accuracy", "f1_macro", "precision", "confusion_matrix");
    assertThat(page.texts("//section[@id='results']//div[@class='value']").get(1))
        .isEqualTo(String.format(java.util.Locale.ROOT, "%.4f", test().metric("accuracy")));
    assertThat(page.all("//script")).as("no script").isEmpty();
    assertThat(page.all("//link")).as("no other file").isEmpty();
  }

  @Test
  void theCurvesAreEmbeddedAsThePngsInPlots() throws IOException {
    List<Element> images = page.all("//section[@id='curves']//img");
    assertThat(images)
        .extracting(i -> i.getAttribute("id"))
        .containsExactly(
            "plot-loss",
            "plot-accuracy",
            "plot-f1_macro",
            "plot-precision",
            "plot-metric_confusion_matrix",
            "plot-learning_rate");
    for (Element img : images) {
      byte[] png = ReportPageXml.pngBytes(img);
      String file = img.getAttribute("id").substring("plot-".length()) + ".png";
      assertThat(png).isEqualTo(Files.readAllBytes(run.resolve("plots").resolve(file)));
      BufferedImage image = ReportPageXml.image(png);
      assertThat(image.getWidth()).isEqualTo(Integer.parseInt(img.getAttribute("width")));
      assertThat(image.getHeight()).isEqualTo(Integer.parseInt(img.getAttribute("height")));
      assertThat(colours(image)).as("%s is drawn", file).isGreaterThan(20);
    }
    assertThat(page.all("//section[@id='curves']//table[@class='epochs']/tbody/tr")).hasSize(2);
  }

  @Test
  void theConfusionMatrixIsATableOfTheTestCountsByClassName() {
    Element table = page.one("//table[@id='confusion-matrix']");
    assertThat(page.texts("//table[@id='confusion-matrix']/thead/tr/th"))
        .containsExactly(
            "true \\ predicted", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "examples");
    assertThat(page.texts("//table[@id='confusion-matrix']/tbody/tr/th"))
        .containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    List<List<Double>> matrix = test().metrics().get("confusion_matrix").matrix();
    List<Element> rows = page.all("//table[@id='confusion-matrix']/tbody/tr");
    long total = 0;
    for (int i = 0; i < rows.size(); i++) {
      List<String> cells =
          page.texts("(//table[@id='confusion-matrix']/tbody/tr)[" + (i + 1) + "]/td");
      assertThat(cells).hasSize(11);
      for (int j = 0; j < 10; j++) {
        assertThat(Double.parseDouble(cells.get(j))).isEqualTo(matrix.get(i).get(j));
        total += Long.parseLong(cells.get(j));
      }
    }
    assertThat(total).isEqualTo(test().examples());
    assertThat(table.getAttribute("class")).isEqualTo("confusion");
  }

  @Test
  void thePerClassTableHoldsEveryMetricWithPerClassValuesByClassName() {
    assertThat(page.texts("//table[@id='per-class-metrics']/thead/tr/th"))
        .containsExactly("class", "examples", "f1_macro", "precision");
    List<Element> rows = page.all("//table[@id='per-class-metrics']/tbody/tr");
    assertThat(rows).hasSize(10);
    MetricValue f1 = test().metrics().get("f1_macro");
    long examples = 0;
    for (int c = 0; c < 10; c++) {
      String row = "(//table[@id='per-class-metrics']/tbody/tr)[" + (c + 1) + "]";
      assertThat(page.texts(row + "/th")).containsExactly(Integer.toString(c));
      List<String> cells = page.texts(row + "/td");
      examples += Long.parseLong(cells.get(0));
      assertThat(cells.get(1)).isEqualTo(Figures.number(f1.perClass().get(c)));
    }
    assertThat(examples).isEqualTo(test().examples());
  }

  @Test
  void misclassifiedTestImagesAreShownWithTheirTrueAndPredictedClass() {
    List<Element> images = page.all("//section[@id='misclassified']//figure/img");
    long wrong = Math.round((1 - test().metric("accuracy")) * test().examples());
    assertThat(images).hasSize((int) Math.min(32, wrong));
    assertThat(wrong).as("a two-epoch network still errs").isGreaterThan(32);
    for (Element img : images) {
      BufferedImage image = ReportPageXml.image(ReportPageXml.pngBytes(img));
      assertThat(image.getWidth()).isEqualTo(28);
      assertThat(image.getHeight()).isEqualTo(28);
      assertThat(img.getAttribute("width")).isEqualTo("56");
    }
    List<String> captions = page.texts("//section[@id='misclassified']//figcaption");
    assertThat(captions).allMatch(c -> c.matches("true \\d+predicted \\d+"));
    for (Element caption : page.all("//section[@id='misclassified']//figcaption")) {
      List<String> classes = new ArrayList<>();
      for (int i = 0; i < caption.getElementsByTagName("b").getLength(); i++) {
        classes.add(caption.getElementsByTagName("b").item(i).getTextContent());
      }
      assertThat(classes).hasSize(2).doesNotHaveDuplicates();
    }
  }

  @Test
  void theResolvedExperimentIsShownAsTextAndTheProvenanceAsGiven() {
    assertThat(page.one("//pre[@id='resolved-experiment']").getTextContent())
        .isEqualTo(TrainedRun.YAML);
    assertThat(page.texts("//table[@id='provenance-table']//th"))
        .containsExactly("Dendrite version", "Processors", "Started", "Duration", "Seed <&>");
    assertThat(page.texts("//table[@id='provenance-table']//td"))
        .containsExactly("9.9.9-test", "2", "2026-11-28 20:30:15 +00:00", "1 min 23 s", "escaped");
  }

  @Test
  void classNamesAndTextAreEscaped() throws IOException {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      names.add("<b>digit</b> & \"" + i + "'");
    }
    TrainingResult r = trained.result();
    TrainingPlan p = r.plan();
    TrainingPlan plan =
        new TrainingPlan(
            p.trainExamples(),
            p.validationExamples(),
            p.testExamples(),
            p.inputSize(),
            p.outputSize(),
            p.parameterCount(),
            p.epochs(),
            p.stepsPerEpoch(),
            names,
            p.preprocessing());
    TrainingResult renamed =
        new TrainingResult(plan, r.epochs(), r.test(), r.network(), Optional.of("a < b"), r.data());
    Path other = Files.createDirectories(dir.resolve("escaped"));
    Files.writeString(other.resolve(RESOLVED), TrainedRun.YAML);
    Path report = new ReportWriter(trained.experiment(), RESOLVED).write(other, renamed, Map.of());
    String html = Files.readString(report);
    assertThat(html).doesNotContain("<b>digit").doesNotContain("<script>alert");
    ReportPageXml escaped = ReportPageXml.parse(report);
    assertThat(escaped.texts("//table[@id='confusion-matrix']/tbody/tr/th"))
        .containsExactlyElementsOf(names);
    assertThat(escaped.texts("//table[@id='per-class-metrics']/tbody/tr/th"))
        .containsExactlyElementsOf(names);
    assertThat(escaped.texts("//p[@class='stopped']")).containsExactly("Stopped early: a < b");
    assertThat(escaped.all("//section[@id='provenance']")).isEmpty();
  }

  @Test
  void withoutATestSetThePageShowsTheLastEpochAndNoTestSections() throws IOException {
    TrainingResult r = trained.result();
    PreparedData d = r.data();
    TrainingResult untested =
        new TrainingResult(
            r.plan(),
            r.epochs(),
            Optional.empty(),
            r.network(),
            Optional.empty(),
            new PreparedData(
                d.train(),
                d.validation(),
                Optional.empty(),
                d.rawFeatureCount(),
                d.featureCount(),
                d.classNames(),
                d.preprocessing()));
    Path other = Files.createDirectories(dir.resolve("untested"));
    Path report =
        new ReportWriter(trained.experiment(), RESOLVED).write(other, untested, provenance());
    ReportPageXml untestedPage = ReportPageXml.parse(report);
    assertThat(untestedPage.texts("//section/@id"))
        .containsExactly("results", "curves", "experiment", "provenance");
    assertThat(untestedPage.one("//section[@id='results']/h2").getTextContent())
        .isEqualTo("Results of the last epoch");
    assertThat(untestedPage.texts("//section[@id='results']//div[@class='label']"))
        .startsWith("train loss", "validation loss", "train accuracy");
    assertThat(untestedPage.texts("//section[@id='experiment']/p"))
        .containsExactly("experiment.resolved.yaml could not be read.");
    assertThat(other.resolve("plots/confusion_matrix.png")).doesNotExist();
    assertThat(other.resolve("plots/loss.png")).exists();
  }

  @Test
  void predictionsInBatchesAgreeWithTheTestAccuracy() {
    Predictions p =
        Predictions.of(
            trained.result().network(),
            trained.result().data().test().orElseThrow(),
            trained.experiment().training().batchSize());
    assertThat(p.size()).isEqualTo(2000);
    assertThat((double) (p.size() - p.errors()) / p.size()).isEqualTo(test().metric("accuracy"));
  }

  /** How many distinct colours {@code image} has: a blank image has one. */
  static long colours(BufferedImage image) {
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        seen.add(image.getRGB(x, y));
      }
    }
    return seen.size();
  }
}
