package io.dendrite.spark.distributed;

import io.dendrite.core.tensor.Matrix;
import io.dendrite.core.train.TrainingCheckpoint;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of a worker's state that is its own: the optimizer's state (with {@code sync_every}
 * above 1 each worker applies its own gradients) and its layers' random streams (each draws its own
 * dropout masks). Weights, buffers, order and measurements are the same on every worker at the end
 * of an epoch, so worker 0's checkpoint holds them for all.
 *
 * <p>In the run's checkpoint, worker {@code k > 0}'s entries carry the prefix {@code worker.k/};
 * worker 0's are unprefixed, so the file reads as a local run's checkpoint too.
 */
final class RankState {
  private RankState() {}

  /** The prefix of worker {@code rank}'s own entries in the run's checkpoint. */
  static String prefix(int rank) {
    return rank == 0 ? "" : "worker." + rank + "/";
  }

  /** {@code checkpoint}'s optimizer state and random streams, as bytes to gather. */
  static byte[] encode(TrainingCheckpoint checkpoint) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeInt(checkpoint.optimizer().size());
      for (Map.Entry<String, Matrix> e : checkpoint.optimizer().entrySet()) {
        Matrix m = e.getValue();
        out.writeUTF(e.getKey());
        out.writeBoolean(m.isDouble());
        out.writeInt(m.rows());
        out.writeInt(m.cols());
        for (int i = 0; i < m.size(); i++) {
          if (m.isDouble()) {
            out.writeDouble(m.get(i));
          } else {
            out.writeFloat((float) m.get(i));
          }
        }
      }
      out.writeInt(checkpoint.streams().size());
      for (Map.Entry<String, long[]> e : checkpoint.streams().entrySet()) {
        out.writeUTF(e.getKey());
        out.writeInt(e.getValue().length);
        for (long w : e.getValue()) {
          out.writeLong(w);
        }
      }
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Worker 0's checkpoint with every other worker's own state added under its prefix: {@code
   * states.get(k)} is worker k's {@link #encode}.
   */
  static TrainingCheckpoint combine(TrainingCheckpoint worker0, List<byte[]> states) {
    Map<String, Matrix> optimizer = new LinkedHashMap<>(worker0.optimizer());
    Map<String, long[]> streams = new LinkedHashMap<>(worker0.streams());
    for (int k = 1; k < states.size(); k++) {
      String prefix = prefix(k);
      try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(states.get(k)))) {
        int tensors = in.readInt();
        for (int t = 0; t < tensors; t++) {
          String name = in.readUTF();
          boolean doubles = in.readBoolean();
          int rows = in.readInt();
          int cols = in.readInt();
          Matrix m = doubles ? Matrix.doubles(rows, cols) : Matrix.floats(rows, cols);
          for (int i = 0; i < m.size(); i++) {
            m.set(i, doubles ? in.readDouble() : in.readFloat());
          }
          optimizer.put(prefix + name, m);
        }
        int count = in.readInt();
        for (int s = 0; s < count; s++) {
          String name = in.readUTF();
          long[] words = new long[in.readInt()];
          for (int i = 0; i < words.length; i++) {
            words[i] = in.readLong();
          }
          streams.put(prefix + name, words);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return with(worker0, optimizer, streams);
  }

  /** The run's checkpoint as worker {@code rank} resumes from it: its own state unprefixed. */
  static TrainingCheckpoint forRank(TrainingCheckpoint run, int rank) {
    Map<String, Matrix> optimizer = new LinkedHashMap<>();
    Map<String, long[]> streams = new LinkedHashMap<>();
    String prefix = prefix(rank);
    run.optimizer().forEach((name, m) -> own(name, prefix).ifPresent(n -> optimizer.put(n, m)));
    run.streams().forEach((name, s) -> own(name, prefix).ifPresent(n -> streams.put(n, s)));
    return with(run, optimizer, streams);
  }

  /** The name of an entry of the worker with {@code prefix}, or empty for another's. */
  private static java.util.Optional<String> own(String name, String prefix) {
    boolean someWorkers = name.startsWith("worker.") && name.indexOf('/') > 0;
    if (prefix.isEmpty()) {
      return someWorkers ? java.util.Optional.empty() : java.util.Optional.of(name);
    }
    return name.startsWith(prefix)
        ? java.util.Optional.of(name.substring(prefix.length()))
        : java.util.Optional.empty();
  }

  private static TrainingCheckpoint with(
      TrainingCheckpoint c, Map<String, Matrix> optimizer, Map<String, long[]> streams) {
    return new TrainingCheckpoint(
        c.epoch(),
        c.globalStep(),
        c.network(),
        optimizer,
        c.learningRate(),
        c.schedule(),
        streams,
        c.order(),
        c.lossBaseline(),
        c.earlyStopping(),
        c.epochs(),
        c.stopReason());
  }
}
