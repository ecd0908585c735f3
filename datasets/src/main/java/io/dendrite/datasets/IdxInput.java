package io.dendrite.datasets;

import io.dendrite.core.DendriteException;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * One IDX file being read, plain or gzip-compressed, that reports every problem as a {@link
 * DendriteException} of kind DATA naming the file and the byte offset.
 *
 * <p>Offsets count bytes of IDX data, so for a gzip file they are offsets in the decompressed data.
 * Nothing is allocated from what a header claims alone: a plain file's claims are checked against
 * its size first, and a gzip file's buffer grows only as decompressed data actually arrives.
 */
final class IdxInput implements Closeable {
  /** The most values one data set can hold: the largest array a JVM reliably allocates. */
  static final long MAX_VALUES = Integer.MAX_VALUE - 8;

  private static final int BUFFER_BYTES = 1 << 16;

  // A gzip header may claim gigabytes the file does not hold; start small and double as data comes.
  private static final int FIRST_CHUNK_BYTES = 1 << 22;

  private static final String[] IMAGE_FIELDS = {"image count", "row count", "column count"};

  private final CountingInputStream in;
  private final String file;
  private final boolean gzip;
  private final long size;
  private IdxHeader header;

  private IdxInput(InputStream in, String file, boolean gzip, long size) {
    this.in = new CountingInputStream(in);
    this.file = file;
    this.gzip = gzip;
    this.size = size;
  }

  /**
   * Opens {@code path}, which should hold IDX data of {@code kind}; gzip is recognized by its magic
   * bytes, whatever the file name.
   */
  static IdxInput open(Path path, IdxKind kind) {
    Path file = path.toAbsolutePath().normalize();
    if (Files.isDirectory(file)) {
      throw DendriteException.data(
          file + ": is a folder; expected the IDX " + kind.plural() + " file");
    }
    try {
      long size = Files.size(file);
      return of(Files.newInputStream(file), file.toString(), size);
    } catch (NoSuchFileException e) {
      throw DendriteException.data(
          file + ": no such file; expected the IDX " + kind.plural() + " file", e);
    } catch (IOException e) {
      throw DendriteException.data(file + ": cannot read it (" + e + ")", e);
    }
  }

  /**
   * Reads IDX data from {@code raw}, which this object closes.
   *
   * @param file the name used in messages
   * @param size the length of {@code raw} in bytes, or -1 when unknown
   */
  static IdxInput of(InputStream raw, String file, long size) {
    BufferedInputStream buffered = new BufferedInputStream(raw, BUFFER_BYTES);
    boolean gzip = false;
    try {
      buffered.mark(2);
      gzip = buffered.read() == 0x1f && buffered.read() == 0x8b;
      buffered.reset();
      return gzip
          ? new IdxInput(new GZIPInputStream(buffered, BUFFER_BYTES), file, true, -1)
          : new IdxInput(buffered, file, false, size);
    } catch (IOException e) {
      closeQuietly(buffered);
      throw gzip
          ? gzipProblem(file, e, "its gzip header")
          : DendriteException.data(file + ": cannot read it (" + e + ")", e);
    }
  }

  /** The file's name as used in messages. */
  String file() {
    return file;
  }

  /** Where the next byte would be read, in words: {@code byte offset 16}. */
  String at(long offset) {
    return (gzip ? "decompressed byte offset " : "byte offset ") + offset;
  }

  /** Reads and checks the header, which must be that of {@code kind}. */
  IdxHeader readHeader(IdxKind kind) {
    byte[] bytes = new byte[kind.headerBytes()];
    int n = read(bytes, 0, 4);
    if (n == 0) {
      throw problem(
          "the file is empty (no IDX data); expected IDX %s starting with the magic number %s",
          kind.plural(), IdxKind.hex(kind.magic()));
    }
    if (n < 4) {
      throw problem("the data ends at %s, inside the 4-byte magic number", at(n));
    }
    ByteBuffer header = ByteBuffer.wrap(bytes);
    int magic = header.getInt(0);
    if (magic != kind.magic()) {
      throw problem(
          "wrong magic number at %s: expected %s for IDX %s, found %s: %s%s",
          at(0),
          IdxKind.hex(kind.magic()),
          kind.plural(),
          IdxKind.hex(magic),
          IdxKind.describe(magic),
          mixUpHint(kind, magic));
    }
    int rest = bytes.length - 4;
    if (read(bytes, 4, rest) < rest) {
      throw problem(
          "the data ends at %s, inside the %d-byte header of IDX %s",
          at(in.count), bytes.length, kind.plural());
    }
    int[] dims = new int[kind.dimensions()];
    for (int i = 0; i < dims.length; i++) {
      dims[i] = header.getInt(4 + 4 * i);
      if (dims[i] < 0) {
        throw problem(
            "the %s at %s is %d (0x%08X); expected a size from 0 to %d",
            fieldName(kind, i), at(4 + 4 * i), dims[i], dims[i], Integer.MAX_VALUE);
      }
    }
    if (dims[0] == 0) {
      throw problem(
          "the header declares 0 %s (at %s); the data set would be empty", kind.plural(), at(4));
    }
    IdxHeader checked =
        kind == IdxKind.IMAGES
            ? checkImageShape(dims[0], dims[1], dims[2])
            : new IdxHeader(kind, dims[0], 1, 1);
    long end = kind.headerBytes() + (long) checked.count() * checked.recordSize();
    if (size >= 0 && size < end) {
      throw truncated(checked, checked.count(), size);
    }
    this.header = checked;
    return checked;
  }

  private IdxHeader checkImageShape(int count, int rows, int cols) {
    if (rows == 0 || cols == 0) {
      throw problem(
          "the header declares images of %dx%d pixels (at %s and %s); expected at least one row"
              + " and one column",
          rows, cols, at(8), at(12));
    }
    long pixels = (long) rows * cols;
    if (pixels > MAX_VALUES) {
      throw problem(
          "the header declares images of %dx%d = %d pixels each (at %s); one data set holds at"
              + " most %d values",
          rows, cols, pixels, at(8), MAX_VALUES);
    }
    return new IdxHeader(IdxKind.IMAGES, count, rows, cols);
  }

  /**
   * The byte count of the first {@code records} records, checked to fit one data set; call it
   * before reading anything large, so that an impossible request fails at once.
   */
  int requireCapacity(int records) {
    long total = (long) records * header.recordSize();
    if (total > MAX_VALUES) {
      throw problem(
          "%s make %d values; one data set holds at most %d (read fewer with a limit)",
          header.describe(records), total, MAX_VALUES);
    }
    return (int) total;
  }

  /**
   * Reads the first {@code records} records after the header (images or labels), as unsigned bytes
   * one record after another.
   */
  byte[] readRecords(int records) {
    int length = requireCapacity(records);
    byte[] data = new byte[size >= 0 ? length : Math.min(length, FIRST_CHUNK_BYTES)];
    int filled = 0;
    while (filled < length) {
      if (filled == data.length) {
        data = Arrays.copyOf(data, (int) Math.min(length, 2L * data.length));
      }
      int wanted = data.length - filled;
      int n = read(data, filled, wanted);
      filled += n;
      if (n < wanted) {
        throw truncated(header, records, in.count);
      }
    }
    return data;
  }

  /** Fails unless the data ends right after the records read: trailing bytes mean a bad header. */
  void expectEnd() {
    long end = in.count;
    long extra = size >= 0 ? size - end : read(new byte[1], 0, 1);
    if (extra > 0) {
      throw problem(
          "unexpected data after the last of the %s declared in the header: %smore bytes from %s;"
              + " expected the data to end there (is the count in the header wrong?)",
          header.describe(header.count()), size >= 0 ? extra + " " : "", at(end));
    }
  }

  private DendriteException truncated(IdxHeader h, int records, long endOffset) {
    long complete = Math.max(0, endOffset - h.kind().headerBytes()) / h.recordSize();
    return problem(
        "truncated: expected %d bytes of %s for %s from %s, but the data ends at %s (%d of %d %s"
            + " complete)",
        (long) records * h.recordSize(),
        h.dataName(),
        h.describe(records),
        at(h.kind().headerBytes()),
        at(endOffset),
        complete,
        records,
        h.kind().plural());
  }

  private DendriteException problem(String format, Object... args) {
    return DendriteException.data(file + ": " + String.format(Locale.ROOT, format, args));
  }

  private int read(byte[] target, int offset, int length) {
    try {
      return in.readNBytes(target, offset, length);
    } catch (IOException e) {
      throw gzip
          ? gzipProblem(file, e, at(in.count) + position())
          : DendriteException.data(
              file + ": cannot read at " + at(in.count) + position() + " (" + e + ")", e);
    }
  }

  /** Where reading stopped in terms of records, e.g. {@code , in image 3 of 10}. */
  private String position() {
    if (header == null) {
      return ", in the header";
    }
    long index = (in.count - header.kind().headerBytes()) / header.recordSize();
    return index < header.count()
        ? ", in " + header.kind().singular() + " " + (index + 1) + " of " + header.count()
        : ", after the last " + header.kind().singular();
  }

  private static DendriteException gzipProblem(String file, IOException e, String where) {
    if (e instanceof EOFException) {
      return DendriteException.data(
          file
              + ": gzip data is truncated: the compressed stream ends unexpectedly at "
              + where
              + "; the file was probably cut short",
          e);
    }
    if (e instanceof ZipException) {
      return DendriteException.data(
          file + ": corrupt gzip data at " + where + " (" + e.getMessage() + ")", e);
    }
    return DendriteException.data(file + ": cannot read at " + where + " (" + e + ")", e);
  }

  private static String mixUpHint(IdxKind expected, int magic) {
    for (IdxKind other : IdxKind.values()) {
      if (other != expected && other.magic() == magic) {
        return ", given where the " + expected.plural() + " file was expected (files swapped?)";
      }
    }
    return "";
  }

  private static String fieldName(IdxKind kind, int dimension) {
    return kind == IdxKind.IMAGES ? IMAGE_FIELDS[dimension] : "label count";
  }

  private static void closeQuietly(Closeable c) {
    try {
      c.close();
    } catch (IOException ignored) {
      // Nothing was written, so a failed close loses nothing; the first problem is the one to tell.
    }
  }

  @Override
  public void close() {
    closeQuietly(in);
  }

  /** Counts the bytes read, so that a message can name the offset where a problem appeared. */
  private static final class CountingInputStream extends FilterInputStream {
    long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count += skipped;
      return skipped;
    }
  }
}
