package io.dendrite.spark.collective;

import io.dendrite.core.DendriteException;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Sums arrays of floats across workers over TCP, so that every worker ends with the same sum.
 *
 * <p>Each worker owns a contiguous {@code 1/workers} of the array. First every worker sends each
 * other worker that one's part of its array, and adds the parts it receives for its own in rank
 * order (worker 0's, then 1's, then 2's, ...); then every worker sends its summed part to every
 * other. The order of the additions is fixed, so the sum has the same bits on every run and on
 * every worker, and they are the bits of adding the whole arrays in rank order. A worker sends and
 * receives {@code 2 (workers - 1) / workers} of the array in a round, both at once: for two
 * workers, half of it each way and then the other half. Sending every array to worker 0 and the sum
 * back, as this class did first, put the whole array through worker 0 twice: a round of 100,000
 * floats between two workers of one machine took a median of 823-880 µs that way, and takes 464-483
 * µs this way ({@code AllReduceTimes} in the tests).
 *
 * <p>The sockets are non-blocking and one selector serves them all, so a worker reads as soon as a
 * peer writes and no two workers can block writing to each other, however large the arrays. The
 * floats go through direct buffers in little-endian order, which on the usual machines is a memory
 * copy.
 *
 * <p>A round waits at most the timeout for any byte to move. A worker that fails or is killed
 * closes its sockets (the operating system does it for a killed process), so the others learn it at
 * once; one whose machine vanished is found by the timeout. Either way the error names the worker
 * and the step.
 *
 * <p>Plain Java and a socket per pair of workers: Spark only schedules the workers and tells them
 * each other's address. Not thread-safe: one training loop uses it.
 */
public final class AllReduce implements AutoCloseable {
  private static final int HELLO = 0x44454E44; // "DEND"

  /** A message's header: its tag (long), the array's length (int) and the extra value (double). */
  private static final int HEADER = Long.BYTES + Integer.BYTES + Double.BYTES;

  private final int rank;
  private final int workers;
  private final List<InetSocketAddress> addresses;
  private final SocketChannel[] channels;
  private final Selector selector;
  private final int timeoutMillis;
  private final ByteBuffer[] outgoing;
  private final ByteBuffer[] incoming;
  private final boolean[] headerChecked;
  private float[] part = new float[0];
  private float[] summand = new float[0];

  private AllReduce(
      int rank, List<InetSocketAddress> addresses, SocketChannel[] channels, int timeoutMillis)
      throws IOException {
    this.rank = rank;
    this.workers = addresses.size();
    this.addresses = List.copyOf(addresses);
    this.channels = channels;
    this.timeoutMillis = timeoutMillis;
    this.outgoing = new ByteBuffer[workers];
    this.incoming = new ByteBuffer[workers];
    this.headerChecked = new boolean[workers];
    this.selector = Selector.open();
    try {
      for (int k = 0; k < workers; k++) {
        if (k != rank) {
          channels[k].socket().setTcpNoDelay(true);
          channels[k].configureBlocking(false);
          channels[k].register(selector, 0, k);
          outgoing[k] = buffer(0);
          incoming[k] = buffer(0);
        }
      }
    } catch (IOException e) {
      selector.close();
      throw e;
    }
  }

  /**
   * Opens the listening socket of a worker on {@code host}, at a port the system chooses: give its
   * address to the others, then pass it to {@link #connect}.
   */
  public static ServerSocketChannel listen(InetAddress host) throws IOException {
    ServerSocketChannel own = ServerSocketChannel.open();
    try {
      own.bind(new InetSocketAddress(host, 0), 50);
    } catch (IOException e) {
      own.close();
      throw e;
    }
    return own;
  }

  /**
   * Joins the workers at {@code addresses} (in rank order) as worker {@code rank}; {@code own} is
   * this worker's listening socket (from {@link #listen}), whose address is {@code
   * addresses.get(rank)}. Each worker connects to every worker of a lower rank and waits for every
   * worker of a higher rank to connect to it, retrying until the timeout.
   */
  public static AllReduce connect(
      int rank, List<InetSocketAddress> addresses, ServerSocketChannel own, Duration timeout) {
    int workers = addresses.size();
    int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
    SocketChannel[] channels = new SocketChannel[workers];
    try {
      for (int k = 0; k < rank; k++) {
        channels[k] = connectTo(addresses.get(k), millis);
        ByteBuffer hello = ByteBuffer.allocate(2 * Integer.BYTES).putInt(HELLO).putInt(rank);
        hello.flip();
        while (hello.hasRemaining()) {
          channels[k].write(hello);
        }
      }
      own.socket().setSoTimeout(millis);
      for (int joined = rank + 1; joined < workers; joined++) {
        SocketChannel s;
        try {
          // Through the socket, which has a timeout, where the channel's accept has none.
          s = own.socket().accept().getChannel();
        } catch (SocketTimeoutException e) {
          throw failure(
              "worker "
                  + rank
                  + " waited "
                  + seconds(millis)
                  + " for the workers after it to connect; "
                  + (joined - rank - 1)
                  + " of "
                  + (workers - rank - 1)
                  + " did");
        }
        s.socket().setSoTimeout(millis);
        DataInputStream hello = new DataInputStream(s.socket().getInputStream());
        if (hello.readInt() != HELLO) {
          s.close();
          joined--;
          continue; // not one of ours: a port scanner, say
        }
        int from = hello.readInt();
        if (from <= rank || from >= workers || channels[from] != null) {
          s.close();
          throw failure("worker " + rank + " was joined by an unexpected worker " + from);
        }
        channels[from] = s;
      }
      return new AllReduce(rank, addresses, channels, millis);
    } catch (IOException | RuntimeException e) {
      // Nothing of a worker that could not join is left open, whatever stopped it.
      for (SocketChannel s : channels) {
        closeQuietly(s);
      }
      if (e instanceof RuntimeException r) {
        throw r;
      }
      throw failure("worker " + rank + " could not join the others at " + addresses + ": " + e);
    }
  }

  private static SocketChannel connectTo(InetSocketAddress address, int millis) throws IOException {
    long deadline = System.nanoTime() + millis * 1_000_000L;
    while (true) {
      SocketChannel s = SocketChannel.open();
      try {
        s.socket().connect(address, millis);
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
    if (workers == 1) {
      return extra;
    }
    long tag = step * 16 + phase;
    // Scatter: each worker gets every other's values of its part.
    for (int k = 0; k < workers; k++) {
      if (k != rank) {
        int at = from(k, length);
        prepare(k, tag, length, extra, values, at, at + size(k, length), size(rank, length));
      }
    }
    transfer(tag, length);
    int from = from(rank, length);
    int size = size(rank, length);
    if (part.length < size) {
      part = new float[size];
      summand = new float[size];
    }
    // The sums in rank order, the values and the extras alike.
    double total = 0;
    for (int k = 0; k < workers; k++) {
      float[] v;
      if (k == rank) {
        total += extra;
        v = values;
      } else {
        total += incoming[k].getDouble(Long.BYTES + Integer.BYTES);
        incoming[k].position(HEADER);
        incoming[k].asFloatBuffer().get(summand, 0, size);
        v = summand;
      }
      int offset = k == rank ? from : 0;
      if (k == 0) {
        System.arraycopy(v, offset, part, 0, size);
      } else {
        for (int i = 0; i < size; i++) {
          part[i] += v[offset + i];
        }
      }
    }
    System.arraycopy(part, 0, values, from, size);
    // Gather: each worker sends its summed part to every other.
    for (int k = 0; k < workers; k++) {
      if (k != rank) {
        prepare(k, tag, length, total, values, from, from + size, size(k, length));
      }
    }
    transfer(tag, length);
    for (int k = 0; k < workers; k++) {
      if (k != rank) {
        incoming[k].position(HEADER);
        incoming[k].asFloatBuffer().get(values, from(k, length), size(k, length));
      }
    }
    return total;
  }

  /** Where worker {@code k}'s part of an array of {@code length} values starts. */
  private int from(int k, int length) {
    return (int) ((long) length * k / workers);
  }

  private int size(int k, int length) {
    return from(k + 1, length) - from(k, length);
  }

  /**
   * Fills the message to worker {@code k}: the header, then {@code values[from, to)}; and readies
   * the buffer for the message from it: a header, then {@code receive} floats.
   */
  private void prepare(
      int k, long tag, int length, double extra, float[] values, int from, int to, int receive) {
    int bytes = HEADER + (to - from) * Float.BYTES;
    if (outgoing[k].capacity() < bytes) {
      outgoing[k] = buffer(bytes);
    }
    ByteBuffer out = outgoing[k].clear();
    out.putLong(tag).putInt(length).putDouble(extra);
    out.asFloatBuffer().put(values, from, to - from);
    out.limit(bytes).position(0);
    int expected = HEADER + receive * Float.BYTES;
    if (incoming[k].capacity() < expected) {
      incoming[k] = buffer(expected);
    }
    incoming[k].clear().limit(expected);
    headerChecked[k] = false;
  }

  private static ByteBuffer buffer(int bytes) {
    return ByteBuffer.allocateDirect(Math.max(bytes, HEADER)).order(ByteOrder.LITTLE_ENDIAN);
  }

  /**
   * Sends every prepared message and receives every answer, whichever peer is ready first; fails
   * when nothing moves for the timeout.
   */
  private void transfer(long tag, int length) {
    int pending = 0;
    for (int k = 0; k < workers; k++) {
      if (k != rank) {
        channels[k].keyFor(selector).interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
        pending += 2;
      }
    }
    while (pending > 0) {
      int ready;
      try {
        ready = selector.select(timeoutMillis);
      } catch (IOException | ClosedSelectorException e) {
        throw failure("worker " + rank + " could not wait for the others at step " + tag / 16);
      }
      if (ready == 0) {
        throw lost(waitingFor(), tag, new SocketTimeoutException());
      }
      for (SelectionKey key : selector.selectedKeys()) {
        int k = (Integer) key.attachment();
        try {
          if (key.isValid() && key.isWritable()) {
            channels[k].write(outgoing[k]);
            if (!outgoing[k].hasRemaining()) {
              key.interestOps(key.interestOps() & ~SelectionKey.OP_WRITE);
              pending--;
            }
          }
          if (key.isValid() && key.isReadable()) {
            if (channels[k].read(incoming[k]) < 0) {
              throw new EOFException();
            }
            if (!headerChecked[k] && incoming[k].position() >= HEADER) {
              check(k, tag, length);
            }
            if (!incoming[k].hasRemaining()) {
              key.interestOps(key.interestOps() & ~SelectionKey.OP_READ);
              pending--;
            }
          }
        } catch (IOException e) {
          throw lost(k, tag, e);
        }
      }
      selector.selectedKeys().clear();
    }
  }

  /** The first worker this one still waits to hear from or to write to. */
  private int waitingFor() {
    for (int k = 0; k < workers; k++) {
      if (k != rank && (incoming[k].hasRemaining() || outgoing[k].hasRemaining())) {
        return k;
      }
    }
    return rank == 0 ? 1 : 0;
  }

  private void check(int k, long tag, int length) {
    headerChecked[k] = true;
    long got = incoming[k].getLong(0);
    int n = incoming[k].getInt(Long.BYTES);
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
  }

  private DendriteException lost(int k, long tag, IOException e) {
    String what;
    if (e instanceof SocketTimeoutException) {
      what =
          "sent nothing for " + seconds(timeoutMillis) + " (stuck, or its machine is unreachable)";
    } else if (e instanceof EOFException || closedByPeer(e)) {
      what = "closed the connection (it failed or was stopped)";
    } else {
      what = "was lost (" + e.getMessage() + ")";
    }
    return failure(name(k) + " " + what + " at step " + tag / 16 + "; seen from worker " + rank);
  }

  /**
   * Whether {@code e} is the operating system's word that the other end closed: a peer that dies
   * with bytes unread resets the connection, so the write or read at this end fails with a reset or
   * a broken pipe rather than reading the end of the stream.
   */
  private static boolean closedByPeer(IOException e) {
    String message = String.valueOf(e.getMessage());
    return message.contains("Connection reset") || message.contains("Broken pipe");
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
    closeQuietly(selector);
    for (SocketChannel s : channels) {
      closeQuietly(s);
    }
  }

  private static void closeQuietly(Closeable c) {
    if (c != null) {
      try {
        c.close();
      } catch (IOException e) {
        // Closing is all that is left to do.
      }
    }
  }
}
