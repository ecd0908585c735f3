package io.dendrite.runner.cli;

import io.dendrite.core.DendriteException;
import io.dendrite.core.data.Features;
import io.dendrite.core.model.Model;
import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.Dataset;
import io.dendrite.core.spi.support.SharedDatasetContext;
import io.dendrite.core.tensor.Matrix;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the inputs of {@code dendrite predict} as the model's training data gives its features:
 * first through its dataset plugin (which knows how its images are sized and shaded, or which CSV
 * columns are features), else, for CSV files, as rows of the model's raw feature count.
 */
final class PredictionInputs {
  private final Model model;
  private final Dataset dataset;
  private final String datasetId;
  private final SharedDatasetContext context;

  PredictionInputs(Model model, PluginRegistry registry, Path modelFolder, Path cacheFolder) {
    this.model = model;
    this.datasetId = model.experiment().data().train().id();
    this.dataset = registry.create(model.experiment().data().train(), Dataset.class);
    this.context = SharedDatasetContext.first(new Rng(0), modelFolder, cacheFolder);
  }

  /** One input file's examples, raw (before the model's preprocessing). */
  Features read(Path file, String shown) {
    if (!Files.isRegularFile(file)) {
      throw DendriteException.config(shown + ": no such file");
    }
    var read = dataset.readInputs(file, context);
    if (read.isPresent()) {
      return read.get();
    }
    if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
      return csv(file, shown);
    }
    throw DendriteException.config(
        shown
            + ": the model's dataset ("
            + datasetId
            + ") reads "
            + dataset.inputFormats()
            + " for prediction, and Dendrite reads CSV rows of "
            + model.rawInputSize()
            + " numbers; give one of those");
  }

  /** Rows of numbers, one example each; a first row that is not all numbers is a header. */
  private Features csv(Path file, String shown) {
    int width = model.rawInputSize();
    List<float[]> rows = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVFormat.DEFAULT.builder().setTrim(true).get().parse(in)) {
      for (CSVRecord record : parser) {
        if (record.size() == 1 && record.get(0).isEmpty()) {
          continue;
        }
        float[] row = new float[record.size()];
        boolean numbers = true;
        for (int i = 0; i < row.length && numbers; i++) {
          try {
            row[i] = Float.parseFloat(record.get(i));
          } catch (NumberFormatException e) {
            numbers = false;
          }
        }
        if (!numbers && record.getRecordNumber() == 1) {
          continue; // a header
        }
        if (!numbers || row.length != width) {
          throw DendriteException.data(
              shown
                  + ":"
                  + record.getRecordNumber()
                  + ": expected "
                  + width
                  + " numbers (the model's inputs), found "
                  + (numbers ? row.length + " values" : "'" + String.join(",", record) + "'"));
        }
        rows.add(row);
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      throw DendriteException.data(shown + ": cannot read: " + e.getMessage(), e);
    }
    if (rows.isEmpty()) {
      throw DendriteException.data(shown + ": no rows");
    }
    Matrix m = Matrix.floats(rows.size(), width);
    for (int r = 0; r < rows.size(); r++) {
      System.arraycopy(rows.get(r), 0, m.floats(), r * width, width);
    }
    return Features.of(m);
  }
}
