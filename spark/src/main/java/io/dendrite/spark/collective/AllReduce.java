package io.dendrite.spark.collective;

import io.dendrite.core.DendriteException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Sums arrays of floats across workers over TCP, so that every worker ends with the same sum.
 *
 * <p>A tree of depth one: every worker sends its array to worker 0, which adds them in rank order
 * (worker 0's, then 1's, then 2's, ...) and sends the sum back. The order is fixed, so the sum has
 * the same bits on every run; the cost of a round is about what its bytes cost, a few hundred
 * microseconds for 100,000 floats between processes of one machine. No worker sends while the one
 * it sends to is sending to it, so there is no deadlock however large the arrays.
 *
 * <p>Every read waits at most the timeout. A worker that fails or is killed closes its sockets (the
 * operating system does it for a killed process), so the others learn it at once; one whose machine
 * vanished is found by the timeout. Either way the error names the worker and the step.
 *
 * <p>Plain Java and a socket per worker: Spark only schedules the workers and tells them each
 * other's address. Not thread-safe: one training loop uses it.
 */
public final class AllReduce implements AutoCloseable {
  private static final int HELLO = 0x44454E44; // "DEND"

  private final int rank;
  private final int workers;
  private final List<InetSocketAddress> addresses;
  private final Socket[] sockets;
  private final DataInputStream[] in;
  private final DataOutputStream[] out;
  private final int timeoutMillis;
  private byte[] bytes = new byte[0];
  private float[] scratch = new float[0];

  private AllReduce(
      int rank, List<InetSocketAddress> addresses, Socket[] sockets, int timeoutMillis)
      throws IOException {
    this.rank = rank;
    this.workers = addresses.size();
    this.addresses = List.copyOf(addresses);
    this.sockets = sockets;
    this.timeoutMillis = timeoutMillis;
    this.in = new DataInputStream[sockets.length];
    this.out = new DataOutputStream[sockets.length];
    for (int k = 0; k < sockets.length; k++) {
      if (sockets[k] != null) {
        sockets[k].setSoTimeout(timeoutMillis);
        sockets[k].setTcpNoDelay(true);
        in[k] = new DataInputStream(new BufferedInputStream(sockets[k].getInputStream(), 1 << 16));
        out[k] =
            new DataOutputStream(new BufferedOutputStream(sockets[k].getOutputStream(), 1 << 16));
      }
    }
  }

  /**
   * Joins the workers at {@code addresses} (in rank order) as worker {@code rank}; {@code own} is
   * this worker's listening socket, whose address is {@code addresses.get(rank)}. Worker 0 waits
   * for every other to connect; the others connect to worker 0, retrying until the timeout.
   */
  public static AllReduce connect(
      int rank, List<InetSocketAddress> addresses, ServerSocket own, Duration timeout) {
    int workers = addresses.size();
    int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
    Socket[] sockets = new Socket[workers];
    try {
      if (rank == 0) {
        own.setSoTimeout(millis);
        for (int joined = 1; joined < workers; joined++) {
          Socket s;
          try {
            s = own.accept();
          } catch (SocketTimeoutException e) {
            throw failure(
                "worker 0 waited "
                    + seconds(millis)
                    + " for the other workers to connect; "
                    + (joined - 1)
                    + " of "
                    + (workers - 1)
                    + " did");
          }
          s.setSoTimeout(millis);
          DataInputStream hello = new DataInputStream(s.getInputStream());
          if (hello.readInt() != HELLO) {
            s.close();
            joined--;
            continue; // not one of ours: a port scanner, say
          }
          int from = hello.readInt();
          if (from <= 0 || from >= workers || sockets[from] != null) {
            s.close();
            throw failure("worker 0 was joined by an unexpected worker " + from);
          }
          sockets[from] = s;
        }
      } else {
        sockets[0] = connectTo(addresses.get(0), millis);
        DataOutputStream hello = new DataOutputStream(sockets[0].getOutputStream());
        hello.writeInt(HELLO);
        hello.writeInt(rank);
        hello.flush();
      }
      return new AllReduce(rank, addresses, sockets, millis);
    } catch (IOException e) {
      for (Socket s : sockets) {
        closeQuietly(s);
      }
      throw failure(
          "worker " + rank + " could not join worker 0 at " + addresses.get(0) + ": " + e);
    }
  }

  private static Socket connectTo(InetSocketAddress address, int millis) throws IOException {
    long deadline = System.nanoTime() + millis * 1_000_000L;
    while (true) {
      Socket s = new Socket();
      try {
        s.connect(address, millis);
        return s;
      } catch (IOException e) {
        s.close();
        if (System.nanoTime() > deadline) {
          throw e;
        }
        try {
          Thread.sleep(50);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while connecting", ie);
        }
      }
    }
  }

  public int rank() {
    return rank;
  }

  public int workers() {
    return workers;
  }

  /**
   * Replaces {@code values[0, length)} with their sum over the workers and returns the sum of
   * {@code extra}; every worker passes the same {@code step}, {@code phase} (which exchange of the
   * step this is) and {@code length}.
   *
   * @throws DendriteException naming the worker that failed, was stopped or did not answer
   */
  public double sum(long step, int phase, float[] values, int length, double extra) {
    long tag = step * 16 + phase;
    if (workers == 1) {
      return extra;
    }
    ensure(length);
    if (rank == 0) {
      double total = extra;
      for (int k = 1; k < workers; k++) {
        total += receive(k, tag, scratch, length);
        for (int i = 0; i < length; i++) {
          values[i] += scratch[i];
        }
      }
      for (int k = 1; k < workers; k++) {
        send(k, tag, values, length, total);
      }
      return total;
    }
    send(0, tag, values, length, extra);
    return receive(0, tag, values, length);
  }

  private void ensure(int length) {
    if (scratch.length < length) {
      scratch = new float[length];
      bytes = new byte[length * Float.BYTES];
    }
  }

  private void send(int k, long tag, float[] values, int length, double extra) {
    try {
      ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().put(values, 0, length);
      out[k].writeLong(tag);
      out[k].writeInt(length);
      out[k].writeDouble(extra);
      out[k].write(bytes, 0, length * Float.BYTES);
      out[k].flush();
    } catch (IOException e) {
      throw lost(k, tag, e);
    }
  }

  private double receive(int k, long tag, float[] into, int length) {
    try {
      long got = in[k].readLong();
      int n = in[k].readInt();
      if (got != tag || n != length) {
        throw failure(
            String.format(
                Locale.ROOT,
                "%s is out of step: it sent step %d (phase %d) with %d values, worker %d is at step"
                    + " %d (phase %d) with %d",
                name(k),
                got / 16,
                got % 16,
                n,
                rank,
                tag / 16,
                tag % 16,
                length));
      }
      double extra = in[k].readDouble();
      in[k].readFully(bytes, 0, length * Float.BYTES);
      ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(into, 0, length);
      return extra;
    } catch (IOException e) {
      throw lost(k, tag, e);
    }
  }

  private DendriteException lost(int k, long tag, IOException e) {
    String what;
    if (e instanceof SocketTimeoutException) {
      what =
          "sent nothing for " + seconds(timeoutMillis) + " (stuck, or its machine is unreachable)";
    } else if (e instanceof EOFException) {
      what = "closed the connection (it failed or was stopped)";
    } else {
      what = "was lost (" + e.getMessage() + ")";
    }
    return failure(name(k) + " " + what + " at step " + tag / 16 + "; seen from worker " + rank);
  }

  /** {@code worker 1 (10.0.0.5:41234)}: how messages name a worker. */
  public String name(int k) {
    InetSocketAddress a = addresses.get(k);
    return "worker " + k + " (" + a.getHostString() + ":" + a.getPort() + ")";
  }

  private static String seconds(int millis) {
    return String.format(Locale.ROOT, "%.0f s", millis / 1000.0);
  }

  private static DendriteException failure(String message) {
    return new DendriteException(DendriteException.Kind.RUNTIME, message);
  }

  @Override
  public void close() {
    for (Socket s : sockets) {
      closeQuietly(s);
    }
  }

  private static void closeQuietly(Socket s) {
    if (s != null) {
      try {
        s.close();
      } catch (IOException e) {
        // Closing is all that is left to do.
      }
    }
  }
}
