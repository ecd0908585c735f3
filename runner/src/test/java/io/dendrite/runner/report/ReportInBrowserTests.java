package io.dendrite.runner.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report as a real browser shows it: headless Chromium loads the page without a console error,
 * decodes every embedded image, and draws something that is not blank. Skipped where Chromium is
 * not installed.
 */
class ReportInBrowserTests {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final long TIMEOUT_SECONDS = 120;

  /**
   * Added to a copy of the page for the DOM dump: records load errors of any element, and once the
   * page has loaded, every image's decoded size, into an element the dump shows. The report itself
   * has no script.
   */
  private static final String PROBE =
      """
      <script>
      window.probeErrors = [];
      addEventListener('error', e => probeErrors.push(String(e.message || (e.target && e.target.id)
          || 'error')), true);
      addEventListener('load', () => {
        const out = document.createElement('pre');
        out.id = 'probe';
        out.textContent = JSON.stringify({errors: probeErrors, images: [...document.images].map(
            i => ({id: i.id, complete: i.complete, width: i.naturalWidth, height: i.naturalHeight}))});
        document.body.appendChild(out);
      });
      </script>
      """;

  /**
   * The fixture with the metrics of {@code examples/mnist.yaml}: no metric measures a confusion
   * matrix, so the report counts it from the test predictions.
   */
  private static final String ACCURACY_ONLY =
      TrainedRun.YAML.replace(
          "metrics: [accuracy, {type: f1, name: f1_macro}, precision, confusion_matrix]",
          "metrics: [accuracy]");

  @TempDir static Path dir;

  private static Path report;

  @BeforeAll
  static void writeTheReport() throws IOException {
    assumeTrue(
        Files.isExecutable(CHROMIUM),
        CHROMIUM + " is not installed: skipping the browser test (apt-get install chromium)");
    TrainedRun trained = TrainedRun.train(dir, "fixture.yaml", ACCURACY_ONLY);
    Path run = Files.createDirectories(dir.resolve("run"));
    Files.writeString(run.resolve("experiment.resolved.yaml"), ACCURACY_ONLY);
    report =
        new ReportWriter(trained.experiment(), "experiment.resolved.yaml")
            .write(run, trained.result(), Map.of("Dendrite version", "test"));
  }

  record Browser(int exitCode, String out, String err) {}

  /** Runs headless Chromium with a fresh profile on {@code page}, after {@code options}. */
  private static Browser chromium(Path page, String... options)
      throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("dendrite-chromium-");
    try {
      List<String> command =
          new ArrayList<>(
              List.of(
                  CHROMIUM.toString(),
                  "--headless",
                  "--no-sandbox",
                  "--disable-gpu",
                  "--disable-quic",
                  "--no-first-run",
                  "--disable-background-networking",
                  "--disable-component-update",
                  "--disable-sync",
                  "--user-data-dir=" + profile,
                  "--enable-logging=stderr",
                  "--v=0"));
      command.addAll(List.of(options));
      command.add(page.toUri().toString());
      Path out = dir.resolve("chromium.out");
      Path err = dir.resolve("chromium.err");
      Process p =
          new ProcessBuilder(command)
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      p.getOutputStream().close();
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        throw new AssertionError("chromium did not finish in " + TIMEOUT_SECONDS + " s");
      }
      return new Browser(
          p.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      deleteQuietly(profile);
    }
  }

  /** A profile may still be written to by a helper process as the browser exits: best effort. */
  private static void deleteQuietly(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // Left in the temporary folder.
    }
  }

  /** What the page logged to the console: Chromium writes each message as a CONSOLE line. */
  private static List<String> consoleLines(String log) {
    return log.lines().filter(l -> l.contains("CONSOLE") || l.contains("Uncaught")).toList();
  }

  @Test
  void thePageLoadsWithoutConsoleErrorsAndDrawsMoreThanABlankPage() throws Exception {
    Path shot = dir.resolve("screenshot.png");
    Browser b =
        chromium(report, "--hide-scrollbars", "--screenshot=" + shot, "--window-size=1280,2000");
    assertThat(b.exitCode()).as("chromium exit code; stderr:%n%s", b.err()).isZero();
    assertThat(consoleLines(b.err())).isEmpty();
    BufferedImage image = ReportPageXml.image(Files.readAllBytes(shot));
    assertThat(image.getWidth()).isEqualTo(1280);
    assertThat(image.getHeight()).isEqualTo(2000);
    assertThat(ReportWriterTests.colours(image))
        .as("distinct colours of the screenshot: text, curves and shades")
        .isGreaterThan(500);
  }

  @Test
  void theRenderedDomHoldsTheDecodedLossCurveAndTheConfusionMatrix() throws Exception {
    String html = Files.readString(report, StandardCharsets.UTF_8);
    Path probed = report.resolveSibling("probed.html");
    Files.writeString(probed, html.replace("</head>", PROBE + "</head>"), StandardCharsets.UTF_8);
    Browser b = chromium(probed, "--dump-dom");
    assertThat(b.exitCode()).as("chromium exit code; stderr:%n%s", b.err()).isZero();
    assertThat(consoleLines(b.err())).isEmpty();
    String dom = b.out();

    assertThat(dom).containsPattern("<img id=\"plot-loss\" src=\"data:image/png;base64,");
    Matcher table =
        Pattern.compile("<table class=\"confusion\" id=\"confusion-matrix\">(.*?)</table>")
            .matcher(dom);
    assertThat(table.find()).as("the confusion matrix table").isTrue();
    assertThat(Pattern.compile("<tr>").matcher(table.group(1)).results().count())
        .as("a header row and one row per class")
        .isEqualTo(11);
    assertThat(dom).contains("Counted from the network's test predictions");

    Matcher probe = Pattern.compile("<pre id=\"probe\">(.*?)</pre>").matcher(dom);
    assertThat(probe.find()).as("the probe ran after the page loaded").isTrue();
    String results = probe.group(1).replace("&quot;", "\"");
    assertThat(results).startsWith("{\"errors\":[],");
    assertThat(results)
        .contains("{\"id\":\"plot-loss\",\"complete\":true,\"width\":640,\"height\":400}");
    Matcher images =
        Pattern.compile("\\{\"id\":\"[^\"]*\",\"complete\":(true|false),\"width\":(\\d+)")
            .matcher(results);
    int decoded = 0;
    while (images.find()) {
      assertThat(images.group(1)).isEqualTo("true");
      assertThat(Integer.parseInt(images.group(2))).as("a decoded image").isPositive();
      decoded++;
    }
    // The curves and up to 32 misclassified digits.
    assertThat(decoded).isGreaterThan(6 + 20);
  }
}
