package io.dendrite.core.model;

import io.dendrite.core.DendriteException;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.core.train.EpochResult;
import io.dendrite.core.train.TrainingCheckpoint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A {@link TrainingCheckpoint} as a safetensors file: weights, optimizer and schedule state, early
 * stopping's best weights and the example order as tensors; positions, random streams and the
 * epochs so far as JSON in the metadata.
 *
 * <p>Written atomically, so that a crash leaves the previous checkpoint as it was, and read like
 * any untrusted file: damage is caught by the data checksum and reported as bad data.
 */
public final class CheckpointFile {
  /** The metadata key saying what the file holds. */
  public static final String KIND_KEY = "dendrite.kind";

  private static final String KIND = "checkpoint";
  private static final String STATE_KEY = "dendrite.checkpoint";
  private static final String NETWORK = "network/";
  private static final String OPTIMIZER = "optimizer/";
  private static final String SCHEDULE = "schedule/";
  private static final String BEST = "early_stopping/";
  private static final String ORDER = "trainer/order";

  private CheckpointFile() {}

  /**
   * Writes {@code checkpoint} to {@code target}, whole or not at all; {@code extra} adds metadata
   * (the resolved experiment, the Dendrite version).
   */
  public static void write(Path target, TrainingCheckpoint checkpoint, Map<String, String> extra) {
    // In name order: the checkpoint's maps have none, and the same state must give the same bytes.
    Map<String, Matrix> tensors = new LinkedHashMap<>();
    new TreeMap<>(checkpoint.network()).forEach((name, m) -> tensors.put(NETWORK + name, m));
    new TreeMap<>(checkpoint.optimizer()).forEach((name, m) -> tensors.put(OPTIMIZER + name, m));
    new TreeMap<>(checkpoint.schedule()).forEach((name, m) -> tensors.put(SCHEDULE + name, m));
    checkpoint
        .earlyStopping()
        .ifPresent(
            es ->
                new TreeMap<>(es.bestTensors()).forEach((name, m) -> tensors.put(BEST + name, m)));
    // Whole numbers up to 2^53 are exact in float64.
    Matrix order = Matrix.doubles(1, checkpoint.order().length);
    for (int i = 0; i < checkpoint.order().length; i++) {
      order.set(i, checkpoint.order()[i]);
    }
    tensors.put(ORDER, order);

    Map<String, Object> state = new LinkedHashMap<>();
    state.put("epoch", checkpoint.epoch());
    state.put("global_step", checkpoint.globalStep());
    state.put("learning_rate", checkpoint.learningRate());
    state.put("loss_baseline", checkpoint.lossBaseline());
    Map<String, Object> streams = new LinkedHashMap<>();
    new TreeMap<>(checkpoint.streams())
        .forEach(
            (name, s) -> {
              List<String> words = new ArrayList<>();
              for (long w : s) {
                words.add(Long.toHexString(w));
              }
              streams.put(name, words);
            });
    state.put("streams", streams);
    state.put(
        "early_stopping",
        checkpoint
            .earlyStopping()
            .map(
                es -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("best", es.best());
                  m.put("best_epoch", es.bestEpoch());
                  m.put("epochs_without", es.epochsWithout());
                  return m;
                })
            .orElse(null));
    List<Object> epochs = new ArrayList<>();
    checkpoint.epochs().forEach(e -> epochs.add(MetadataJson.epoch(e)));
    state.put("epochs", epochs);
    state.put("stop_reason", checkpoint.stopReason().orElse(null));

    Map<String, String> metadata = new LinkedHashMap<>(extra);
    metadata.put(KIND_KEY, KIND);
    metadata.put(STATE_KEY, MetadataJson.write(state));
    SafetensorsFile.write(target, tensors, metadata);
  }

  /** The checkpoint in {@code file}, with its extra metadata. */
  public record Contents(TrainingCheckpoint checkpoint, Map<String, String> metadata) {}

  /**
   * Reads a checkpoint.
   *
   * @throws DendriteException of kind data when the file is damaged or not a checkpoint
   */
  @SuppressWarnings("unchecked")
  public static Contents read(Path file) {
    SafetensorsFile f = SafetensorsFile.read(file);
    if (!KIND.equals(f.metadata().get(KIND_KEY))) {
      throw DendriteException.data(
          file.toAbsolutePath()
              + ": not a Dendrite checkpoint (its metadata says "
              + KIND_KEY
              + " = "
              + f.metadata().get(KIND_KEY)
              + ")");
    }
    try {
      Map<String, Object> state = MetadataJson.readObject(f.metadata(), STATE_KEY, file);
      Map<String, Matrix> network = new LinkedHashMap<>();
      Map<String, Matrix> optimizer = new LinkedHashMap<>();
      Map<String, Matrix> schedule = new LinkedHashMap<>();
      Map<String, Matrix> best = new LinkedHashMap<>();
      Matrix order = null;
      for (Map.Entry<String, Matrix> e : f.tensors().entrySet()) {
        String name = e.getKey();
        if (name.startsWith(NETWORK)) {
          network.put(name.substring(NETWORK.length()), e.getValue());
        } else if (name.startsWith(OPTIMIZER)) {
          optimizer.put(name.substring(OPTIMIZER.length()), e.getValue());
        } else if (name.startsWith(SCHEDULE)) {
          schedule.put(name.substring(SCHEDULE.length()), e.getValue());
        } else if (name.startsWith(BEST)) {
          best.put(name.substring(BEST.length()), e.getValue());
        } else if (name.equals(ORDER)) {
          order = e.getValue();
        } else {
          throw new IllegalArgumentException("an unknown tensor " + name);
        }
      }
      if (order == null) {
        throw new IllegalArgumentException("no " + ORDER + " tensor");
      }
      int[] rows = new int[order.size()];
      for (int i = 0; i < rows.length; i++) {
        double v = order.get(i);
        if (v != Math.rint(v) || v < 0 || v >= rows.length) {
          throw new IllegalArgumentException("the example order holds " + v);
        }
        rows[i] = (int) v;
      }
      Map<String, long[]> streams = new LinkedHashMap<>();
      ((Map<String, Object>) state.get("streams"))
          .forEach(
              (name, words) -> {
                List<Object> w = (List<Object>) words;
                long[] s = new long[w.size()];
                for (int i = 0; i < s.length; i++) {
                  s[i] = Long.parseUnsignedLong((String) w.get(i), 16);
                }
                streams.put(name, s);
              });
      Optional<TrainingCheckpoint.EarlyStoppingState> es =
          Optional.ofNullable((Map<String, Object>) state.get("early_stopping"))
              .map(
                  m ->
                      new TrainingCheckpoint.EarlyStoppingState(
                          MetadataJson.number(m.get("best")),
                          ((Number) m.get("best_epoch")).intValue(),
                          ((Number) m.get("epochs_without")).intValue(),
                          best));
      List<EpochResult> epochs = new ArrayList<>();
      for (Object e : (List<Object>) state.get("epochs")) {
        epochs.add(MetadataJson.epochFrom((Map<String, Object>) e));
      }
      TrainingCheckpoint cp =
          new TrainingCheckpoint(
              ((Number) state.get("epoch")).intValue(),
              ((Number) state.get("global_step")).longValue(),
              network,
              optimizer,
              MetadataJson.number(state.get("learning_rate")),
              schedule,
              streams,
              rows,
              MetadataJson.number(state.get("loss_baseline")),
              es,
              epochs,
              Optional.ofNullable((String) state.get("stop_reason")));
      Map<String, String> extra = new LinkedHashMap<>(f.metadata());
      extra.remove(KIND_KEY);
      extra.remove(STATE_KEY);
      return new Contents(cp, extra);
    } catch (RuntimeException e) {
      if (e instanceof DendriteException d) {
        throw d;
      }
      throw DendriteException.data(
          file.toAbsolutePath()
              + ": the checkpoint's state is not what Dendrite writes ("
              + e.getMessage()
              + "); it was changed or written by another version",
          e);
    }
  }
}
