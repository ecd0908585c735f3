package io.dendrite.runner.report;

import io.dendrite.core.train.TrainingResult;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the report page shows, drawn and measured.
 *
 * @param experimentName the experiment's name, the page's title
 * @param result what training produced
 * @param curves the per-epoch charts, in page order
 * @param confusion the test confusion matrix, when a metric measured one
 * @param confusionPlot the same drawn as a heat map
 * @param predictions the network's class of each test example, for classification with a test set
 * @param misclassified wrongly classified test examples as pictures, when they are images
 * @param experimentFile the name of the resolved experiment's file in the run directory
 * @param experimentText that file's text, when it could be read
 * @param provenance where and how the run ran, shown as given, in order
 */
record ReportContent(
    String experimentName,
    TrainingResult result,
    List<Plot> curves,
    Optional<ConfusionMatrix> confusion,
    Optional<Plot> confusionPlot,
    Optional<Predictions> predictions,
    List<MisclassifiedImage> misclassified,
    String experimentFile,
    Optional<String> experimentText,
    Map<String, Object> provenance) {
  ReportContent {
    curves = List.copyOf(curves);
    misclassified = List.copyOf(misclassified);
    provenance = Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
  }
}
