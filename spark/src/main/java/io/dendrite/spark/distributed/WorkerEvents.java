package io.dendrite.spark.distributed;

import io.dendrite.core.spi.MetricValue;
import io.dendrite.core.train.EpochResult;
import io.dendrite.core.train.Evaluation;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The events worker 0 sends the driver, one tagged record each, in a format of their own (plain
 * numbers and names; never Java serialization): a step's loss, an epoch with the weights after it,
 * the checkpoint of the epoch about to be sent, the test, a stop, the end, or a failure.
 */
final class WorkerEvents {
  static final byte STEP = 'S';
  static final byte EPOCH = 'E';
  static final byte TEST = 'T';
  static final byte STOPPED = 'X';
  static final byte DONE = 'D';
  static final byte FAILED = 'F';
  static final byte CHECKPOINT = 'C';

  /** The most a checkpoint sent may take: a driver never allocates what a stream claims. */
  static final int MAX_CHECKPOINT_BYTES = 1 << 30;

  private WorkerEvents() {}

  static void writeEpoch(DataOutputStream out, EpochResult r, Map<String, float[]> tensors)
      throws IOException {
    out.writeByte(EPOCH);
    out.writeInt(r.epoch());
    writeEvaluation(out, r.train());
    out.writeBoolean(r.validation().isPresent());
    if (r.validation().isPresent()) {
      writeEvaluation(out, r.validation().get());
    }
    out.writeDouble(r.seconds());
    out.writeInt(r.steps());
    out.writeDouble(r.learningRate());
    out.writeInt(tensors.size());
    for (Map.Entry<String, float[]> e : tensors.entrySet()) {
      out.writeUTF(e.getKey());
      float[] v = e.getValue();
      out.writeInt(v.length);
      for (float f : v) {
        out.writeFloat(f);
      }
    }
  }

  static EpochResult readEpoch(DataInputStream in, Map<String, float[]> tensors)
      throws IOException {
    int epoch = in.readInt();
    Evaluation train = readEvaluation(in);
    Optional<Evaluation> validation =
        in.readBoolean() ? Optional.of(readEvaluation(in)) : Optional.empty();
    double seconds = in.readDouble();
    int steps = in.readInt();
    double rate = in.readDouble();
    int count = in.readInt();
    for (int t = 0; t < count; t++) {
      String name = in.readUTF();
      float[] v = new float[in.readInt()];
      for (int i = 0; i < v.length; i++) {
        v[i] = in.readFloat();
      }
      tensors.put(name, v);
    }
    return new EpochResult(epoch, train, validation, seconds, steps, rate);
  }

  static void writeEvaluation(DataOutputStream out, Evaluation e) throws IOException {
    out.writeDouble(e.loss());
    out.writeInt(e.examples());
    out.writeInt(e.metrics().size());
    for (Map.Entry<String, MetricValue> m : e.metrics().entrySet()) {
      out.writeUTF(m.getKey());
      MetricValue v = m.getValue();
      out.writeDouble(v.value());
      writeDoubles(out, v.perClass());
      out.writeInt(v.matrix().size());
      for (List<Double> row : v.matrix()) {
        writeDoubles(out, row);
      }
    }
  }

  static Evaluation readEvaluation(DataInputStream in) throws IOException {
    double loss = in.readDouble();
    int examples = in.readInt();
    int count = in.readInt();
    Map<String, MetricValue> metrics = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      String name = in.readUTF();
      double value = in.readDouble();
      List<Double> perClass = readDoubles(in);
      int rows = in.readInt();
      List<List<Double>> matrix = new ArrayList<>();
      for (int r = 0; r < rows; r++) {
        matrix.add(readDoubles(in));
      }
      metrics.put(name, new MetricValue(value, perClass, matrix));
    }
    return new Evaluation(loss, metrics, examples);
  }

  private static void writeDoubles(DataOutputStream out, List<Double> values) throws IOException {
    out.writeInt(values.size());
    for (double d : values) {
      out.writeDouble(d);
    }
  }

  private static List<Double> readDoubles(DataInputStream in) throws IOException {
    int n = in.readInt();
    List<Double> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(in.readDouble());
    }
    return out;
  }
}
