package io.dendrite.core.model;

import io.dendrite.core.DendriteException;
import io.dendrite.core.experiment.Experiment;
import io.dendrite.core.tensor.Matrix;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained network as a safetensors file: its tensors named like PyTorch's {@code state_dict}
 * ({@code layers.0.weight} out × in, {@code layers.0.bias}, batch norm's buffers), and in the
 * metadata the resolved experiment (architecture, preprocessing with what it fitted), the class
 * names and provenance, so that {@link Model#load} rebuilds and uses it.
 */
public final class ModelFile {
  static final String KIND = "model";
  static final String EXPERIMENT_KEY = "dendrite.experiment";
  static final String CLASSES_KEY = "dendrite.classes";
  static final String INPUT_KEY = "dendrite.input_size";
  static final String RAW_INPUT_KEY = "dendrite.raw_input_size";
  static final String ARCHITECTURE_KEY = "dendrite.architecture";

  private ModelFile() {}

  /**
   * Writes the network's {@code tensors} for {@code experiment} (resolved, with its preprocessing
   * fitted) to {@code target}, whole or not at all.
   *
   * @param experiment the experiment as plain data ({@link Experiment#toMap()}), its paths relative
   *     to the model file's folder where they can be
   * @param rawInputSize features per input before preprocessing
   * @param classNames the data's class names, empty for regression
   * @param extra more metadata: provenance, the Dendrite version
   */
  public static void write(
      Path target,
      Map<String, Matrix> tensors,
      Map<String, Object> experiment,
      int inputSize,
      int rawInputSize,
      List<String> classNames,
      Map<String, String> extra) {
    Map<String, String> metadata = new LinkedHashMap<>(extra);
    metadata.put(CheckpointFile.KIND_KEY, KIND);
    metadata.put(EXPERIMENT_KEY, MetadataJson.write(experiment));
    metadata.put(ARCHITECTURE_KEY, MetadataJson.write(experiment.get(Experiment.MODEL.name())));
    metadata.put(CLASSES_KEY, MetadataJson.write(classNames));
    metadata.put(INPUT_KEY, Integer.toString(inputSize));
    metadata.put(RAW_INPUT_KEY, Integer.toString(rawInputSize));
    SafetensorsFile.write(target, tensors, metadata);
  }

  /**
   * What a model file holds, checked.
   *
   * @param experiment the experiment as plain data (read it against the installed plugins)
   * @param metadata the rest of the metadata (provenance)
   */
  public record Contents(
      Map<String, Matrix> tensors,
      Map<String, Object> experiment,
      int inputSize,
      int rawInputSize,
      List<String> classNames,
      Map<String, String> metadata) {}

  /**
   * Reads a model file, which may come from anywhere.
   *
   * @throws DendriteException of kind data when it is damaged or not a Dendrite model
   */
  @SuppressWarnings("unchecked")
  public static Contents read(Path file) {
    SafetensorsFile f = SafetensorsFile.read(file);
    String kind = f.metadata().get(CheckpointFile.KIND_KEY);
    if (!KIND.equals(kind) && !"checkpoint".equals(kind)) {
      throw DendriteException.data(
          file.toAbsolutePath()
              + ": not a Dendrite model"
              + (kind == null
                  ? " (it has no " + CheckpointFile.KIND_KEY + " in its metadata)"
                  : " (it holds a " + kind + ")")
              + "; give the model.safetensors of a run directory");
    }
    if ("checkpoint".equals(kind)) {
      throw DendriteException.data(
          file.toAbsolutePath()
              + ": a checkpoint, not a model; use the run's model.safetensors, or"
              + " 'dendrite resume' to continue training from it");
    }
    Map<String, Object> experiment = MetadataJson.readObject(f.metadata(), EXPERIMENT_KEY, file);
    List<String> classes = new ArrayList<>();
    List<Object> names;
    try {
      names =
          new com.fasterxml.jackson.databind.ObjectMapper()
              .readValue(f.metadata().getOrDefault(CLASSES_KEY, "[]"), List.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw DendriteException.data(
          file.toAbsolutePath() + ": its class names are not valid JSON", e);
    }
    if (names == null) {
      throw DendriteException.data(
          file.toAbsolutePath()
              + ": its metadata "
              + CLASSES_KEY
              + " is null; expected a JSON list of class names");
    }
    for (Object name : names) {
      classes.add(String.valueOf(name));
    }
    int inputSize = size(f.metadata(), INPUT_KEY, null, file);
    int rawInputSize = size(f.metadata(), RAW_INPUT_KEY, inputSize, file);
    Map<String, String> rest = new LinkedHashMap<>(f.metadata());
    for (String key :
        List.of(
            CheckpointFile.KIND_KEY,
            EXPERIMENT_KEY,
            CLASSES_KEY,
            INPUT_KEY,
            RAW_INPUT_KEY,
            ARCHITECTURE_KEY)) {
      rest.remove(key);
    }
    return new Contents(f.tensors(), experiment, inputSize, rawInputSize, classes, rest);
  }

  private static int size(Map<String, String> metadata, String key, Integer absent, Path file) {
    String text = metadata.get(key);
    if (text == null && absent != null) {
      return absent;
    }
    try {
      int n = Integer.parseInt(text == null ? "" : text);
      if (n < 1) {
        throw new NumberFormatException("not positive");
      }
      return n;
    } catch (NumberFormatException e) {
      throw DendriteException.data(
          file.toAbsolutePath()
              + ": its metadata "
              + key
              + " is "
              + (text == null ? "missing" : "'" + text + "'")
              + ", not a positive whole number",
          e);
    }
  }
}
