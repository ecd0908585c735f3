package io.dendrite.spark.distributed;

import io.dendrite.core.DendriteException;
import io.dendrite.core.train.EpochResult;
import io.dendrite.core.train.TrainingReplay;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The driver's end of worker 0's reports: waits for worker 0 to connect, then plays what it sends
 * to a {@link TrainingReplay}, which writes the run directory as a local run's listeners do.
 */
public final class DriverChannel implements AutoCloseable {
  private static final int POLL_MILLIS = 500;

  private final ServerSocket server;

  private DriverChannel(ServerSocket server) {
    this.server = server;
  }

  /** Listens on every interface, on a free port. */
  public static DriverChannel open() {
    try {
      ServerSocket s = new ServerSocket();
      s.bind(new InetSocketAddress(0));
      return new DriverChannel(s);
    } catch (IOException e) {
      throw new DendriteException(
          DendriteException.Kind.RUNTIME, "cannot listen for the workers: " + e, e);
    }
  }

  public int port() {
    return server.getLocalPort();
  }

  /**
   * Plays worker 0's events into {@code replay} until training ends; returns the workers' error if
   * training failed. Gives up waiting for worker 0 once {@code jobEnded} says the workers' job is
   * over (it failed before worker 0 reported).
   */
  public Optional<String> play(TrainingReplay replay, BooleanSupplier jobEnded, int timeoutMillis) {
    Socket socket = null;
    try {
      server.setSoTimeout(POLL_MILLIS);
      while (socket == null) {
        try {
          socket = server.accept();
        } catch (SocketTimeoutException e) {
          if (jobEnded.getAsBoolean()) {
            return Optional.empty();
          }
        }
      }
      socket.setSoTimeout(POLL_MILLIS);
      DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
      long quietSince = System.nanoTime();
      while (true) {
        int type;
        try {
          type = in.readByte();
          quietSince = System.nanoTime();
        } catch (SocketTimeoutException e) {
          if (jobEnded.getAsBoolean()
              || System.nanoTime() - quietSince > timeoutMillis * 1_000_000L) {
            return Optional.of("worker 0 stopped reporting");
          }
          continue;
        }
        socket.setSoTimeout(timeoutMillis);
        switch (type) {
          case WorkerEvents.STEP -> replay.step(in.readInt(), in.readDouble());
          case WorkerEvents.EPOCH -> {
            Map<String, float[]> tensors = new LinkedHashMap<>();
            EpochResult r = WorkerEvents.readEpoch(in, tensors);
            replay.epoch(r, tensors);
          }
          case WorkerEvents.CHECKPOINT -> {
            int length = in.readInt();
            if (length < 0 || length > WorkerEvents.MAX_CHECKPOINT_BYTES) {
              throw new IOException("a checkpoint of " + length + " bytes");
            }
            byte[] bytes = new byte[length];
            in.readFully(bytes);
            replay.checkpoint(CheckpointBytes.read(bytes));
          }
          case WorkerEvents.TEST -> replay.test(WorkerEvents.readEvaluation(in));
          case WorkerEvents.STOPPED -> replay.stopped(in.readUTF());
          case WorkerEvents.DONE -> {
            return Optional.empty();
          }
          case WorkerEvents.FAILED -> {
            return Optional.of(in.readUTF());
          }
          default -> throw new IOException("unknown event " + type);
        }
        socket.setSoTimeout(POLL_MILLIS);
      }
    } catch (EOFException e) {
      return Optional.of("worker 0 closed its connection to the driver (it failed or was stopped)");
    } catch (IOException e) {
      return Optional.of("lost worker 0's reports: " + e);
    } finally {
      if (socket != null) {
        try {
          socket.close();
        } catch (IOException e) {
          // Closing is all that is left to do.
        }
      }
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // Closing is all that is left to do.
    }
  }
}
