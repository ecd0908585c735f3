package io.dendrite.spark.distributed;

import io.dendrite.core.DendriteException;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.core.train.EpochResult;
import io.dendrite.core.train.Evaluation;
import io.dendrite.core.train.TrainingContext;
import io.dendrite.core.train.TrainingListener;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Worker 0's listener: sends the driver every step's loss, every epoch with the weights after it,
 * the test, and how training ended ({@link WorkerEvents}). Every worker holds the same numbers, so
 * one reporting is enough.
 */
final class WorkerReporter implements TrainingListener, AutoCloseable {
  private final Socket socket;
  private final DataOutputStream out;
  private long lastFlush = System.nanoTime();

  private WorkerReporter(Socket socket) throws IOException {
    this.socket = socket;
    this.out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), 1 << 16));
  }

  /** Connects to the driver waiting at {@code driver}. */
  static WorkerReporter connect(InetSocketAddress driver, int timeoutMillis) {
    try {
      Socket s = new Socket();
      s.connect(driver, timeoutMillis);
      s.setTcpNoDelay(true);
      return new WorkerReporter(s);
    } catch (IOException e) {
      throw new DendriteException(
          DendriteException.Kind.RUNTIME,
          "worker 0 could not reach the driver at " + driver + ": " + e);
    }
  }

  @Override
  public void onStep(TrainingContext context, double loss) {
    write(
        o -> {
          o.writeByte(WorkerEvents.STEP);
          o.writeInt(context.epoch());
          o.writeDouble(loss);
        },
        false);
  }

  @Override
  public void onEpoch(TrainingContext context, EpochResult result) {
    Map<String, float[]> tensors = new LinkedHashMap<>();
    for (Map.Entry<String, Matrix> e : context.network().tensors().entrySet()) {
      Matrix m = e.getValue();
      float[] v = new float[m.size()];
      System.arraycopy(m.floats(), 0, v, 0, v.length);
      tensors.put(e.getKey(), v);
    }
    write(o -> WorkerEvents.writeEpoch(o, result, tensors), true);
  }

  /** The run's state at the end of the epoch sent next, for the driver's checkpoints. */
  void checkpoint(io.dendrite.core.train.TrainingCheckpoint checkpoint) {
    byte[] bytes = CheckpointBytes.of(checkpoint);
    write(
        o -> {
          o.writeByte(WorkerEvents.CHECKPOINT);
          o.writeInt(bytes.length);
          o.write(bytes);
        },
        false);
  }

  @Override
  public void onTest(TrainingContext context, Evaluation result) {
    write(
        o -> {
          o.writeByte(WorkerEvents.TEST);
          WorkerEvents.writeEvaluation(o, result);
        },
        true);
  }

  /** Training ended: why, if it stopped early. */
  void done(java.util.Optional<String> stopReason) {
    write(
        o -> {
          if (stopReason.isPresent()) {
            o.writeByte(WorkerEvents.STOPPED);
            o.writeUTF(stopReason.get());
          }
          o.writeByte(WorkerEvents.DONE);
        },
        true);
  }

  /** Training failed with {@code message}; the driver reports it. Never throws. */
  void failed(String message) {
    try {
      out.writeByte(WorkerEvents.FAILED);
      out.writeUTF(message.length() > 20_000 ? message.substring(0, 20_000) : message);
      out.flush();
    } catch (IOException e) {
      // The driver is gone too; Spark reports the task's failure.
    }
  }

  private interface Event {
    void write(DataOutputStream out) throws IOException;
  }

  private void write(Event event, boolean flush) {
    try {
      event.write(out);
      // Steps go out at least four times a second, for the driver's progress bar.
      if (flush || System.nanoTime() - lastFlush > 250_000_000L) {
        out.flush();
        lastFlush = System.nanoTime();
      }
    } catch (IOException e) {
      throw new DendriteException(
          DendriteException.Kind.RUNTIME, "worker 0 lost the driver: " + e, e);
    }
  }

  @Override
  public void close() {
    try {
      out.flush();
      socket.close();
    } catch (IOException e) {
      // Closing is all that is left to do.
    }
  }
}
