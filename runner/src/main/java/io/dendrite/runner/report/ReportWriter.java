package io.dendrite.runner.report;

import io.dendrite.core.data.Examples;
import io.dendrite.core.experiment.Experiment;
import io.dendrite.core.train.TrainingResult;
import io.dendrite.runner.output.AtomicFileWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Draws a trained run's plots into {@code plots/} of its run directory and writes {@code
 * report.html}, one page that holds everything it shows.
 *
 * <p>The plots are the loss, each metric's headline and the learning rate per epoch, and the test
 * confusion matrix of a classifier: the one a metric measured, else counted from its test
 * predictions. The page adds the test results, the per-class values, misclassified test images when
 * the examples are square grayscale images, the resolved experiment and the run's provenance.
 */
public final class ReportWriter {
  /** The folder of the plots, inside the run directory. */
  public static final String PLOTS = "plots";

  /** The report's file name, inside the run directory. */
  public static final String REPORT = "report.html";

  /** At most this many misclassified images: enough to see a pattern, few enough to load fast. */
  static final int MISCLASSIFIED = 32;

  private final Experiment experiment;
  private final String experimentFile;

  /**
   * @param experiment the experiment the run trained: its name titles the page, and its batch size
   *     is the most rows the trained network takes at once
   * @param experimentFile the name of the resolved experiment's file in the run directory, shown as
   *     it is
   */
  public ReportWriter(Experiment experiment, String experimentFile) {
    this.experiment = experiment;
    this.experimentFile = experimentFile;
  }

  /**
   * Writes the plots and the report of {@code result} into {@code runDirectory}; {@code provenance}
   * is shown as a table, in its order (durations and times formatted, other values as text).
   *
   * @return the report's path
   */
  public Path write(Path runDirectory, TrainingResult result, Map<String, Object> provenance)
      throws IOException {
    // A report never opens a window; without this a JVM that sees a display would try to use it.
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    List<Plot> curves = TrainingCurves.draw(result.epochs());
    List<String> classNames = result.plan().classNames();
    Optional<Examples> test = result.data().test().filter(t -> !classNames.isEmpty());
    Optional<Predictions> predictions =
        test.map(t -> Predictions.of(result.network(), t, experiment.training().batchSize()));
    // Without a metric that measured one, the predictions give it: a classifier's report has one.
    Optional<ConfusionMatrix> confusion =
        result
            .test()
            .flatMap(t -> ConfusionMatrix.of(t, classNames))
            .or(() -> predictions.map(p -> ConfusionMatrix.of(p, classNames, classNames.size())));
    Optional<Plot> confusionPlot =
        confusion.isPresent()
            ? Optional.of(ConfusionMatrixPlot.draw(confusion.get()))
            : Optional.empty();
    List<MisclassifiedImage> misclassified = new ArrayList<>();
    if (test.isPresent()) {
      Optional<GrayscaleImages> images = GrayscaleImages.of(test.get().features());
      if (images.isPresent()) {
        for (int row : predictions.get().misclassified(MISCLASSIFIED)) {
          misclassified.add(
              new MisclassifiedImage(
                  row,
                  name(classNames, predictions.get().truth()[row]),
                  name(classNames, predictions.get().predicted()[row]),
                  images.get().png(row),
                  images.get().side()));
        }
      }
    }
    ReportContent content =
        new ReportContent(
            experiment.name(),
            result,
            curves,
            confusion,
            confusionPlot,
            predictions,
            misclassified,
            experimentFile,
            readExperiment(runDirectory.resolve(experimentFile)),
            provenance);

    Path plots = runDirectory.resolve(PLOTS);
    Files.createDirectories(plots);
    for (Plot plot : curves) {
      writeBytes(plots.resolve(plot.fileName()), plot.png());
    }
    if (confusionPlot.isPresent()) {
      writeBytes(plots.resolve(confusionPlot.get().fileName()), confusionPlot.get().png());
    }
    Path report = runDirectory.resolve(REPORT);
    AtomicFileWriter.write(report, ReportPage.html(content));
    return report;
  }

  private static String name(List<String> classNames, int index) {
    return index < classNames.size() ? classNames.get(index) : Integer.toString(index);
  }

  private static Optional<String> readExperiment(Path file) throws IOException {
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  /** Replaces {@code target} with {@code bytes} by a rename, as the run's other files are. */
  private static void writeBytes(Path target, byte[] bytes) throws IOException {
    Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
    try {
      Files.write(temp, bytes);
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
