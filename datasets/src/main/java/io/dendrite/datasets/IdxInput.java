package io.dendrite.datasets;

import io.dendrite.core.DendriteException;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
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
  private final long fileBytes;
  private final long gzipTrailerBytes;
  private IdxHeader header;

  private IdxInput(
      InputStream in, String file, boolean gzip, long fileBytes, long gzipTrailerBytes) {
    this.in = new CountingInputStream(in);
    this.file = file;
    this.gzip = gzip;
    this.size = gzip ? -1 : fileBytes;
    this.fileBytes = fileBytes;
    this.gzipTrailerBytes = gzipTrailerBytes;
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
      return of(Files.newInputStream(file), file.toString(), size, trailer(file, size));
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
    return of(raw, file, size, -1);
  }

  private static IdxInput of(InputStream raw, String file, long size, long trailer) {
    BufferedInputStream buffered = new BufferedInputStream(raw, BUFFER_BYTES);
    boolean gzip = false;
    try {
      buffered.mark(2);
      gzip = buffered.read() == 0x1f && buffered.read() == 0x8b;
      buffered.reset();
      return gzip
          ? new IdxInput(new GZIPInputStream(buffered, BUFFER_BYTES), file, true, size, trailer)
          : new IdxInput(buffered, file, false, size, -1);
    } catch (IOException e) {
      closeQuietly(buffered);
      throw gzip
          ? gzipProblem(file, e, "its gzip header")
          : DendriteException.data(file + ": cannot read it (" + e + ")", e);
    }
  }

  /** The ISIZE field of a gzip file's last member, or -1: a hint for messages, never trusted. */
  private static long trailer(Path file, long size) throws IOException {
    if (size < 18) {
      return -1;
    }
    try (FileChannel channel = FileChannel.open(file)) {
      ByteBuffer magic = ByteBuffer.allocate(2);
      channel.read(magic, 0);
      if ((magic.get(0) & 0xff) != 0x1f || (magic.get(1) & 0xff) != 0x8b) {
        return -1;
      }
      ByteBuffer last = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
      channel.read(last, size - 4);
      return last.getInt(0) & 0xffffffffL;
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
    byte[] start = new byte[4];
    int n = read(start, 0, 4);
    if (n == 0) {
      throw problem(
          "the file is empty (no IDX data); expected IDX %s starting with a magic number such as"
              + " %s",
          kind.plural(), IdxKind.hex(kind.usualMagic()));
    }
    if (n < 4) {
      throw problem("the data ends at %s, inside the 4-byte magic number", at(n));
    }
    int magic = ByteBuffer.wrap(start).getInt();
    int dimensions = magic & 0xff;
    Optional<IdxType> type = IdxType.of((magic >>> 8) & 0xff);
    if ((magic >>> 16) != 0 || type.isEmpty() || !kind.accepts(dimensions)) {
      throw problem(
          "wrong magic number at %s: expected IDX %s (two zero bytes, an element type, %s; %s for"
              + " unsigned bytes), found %s: %s%s",
          at(0),
          kind.plural(),
          kind.dimensionsText(),
          IdxKind.hex(kind.usualMagic()),
          IdxKind.hex(magic),
          IdxKind.describe(magic),
          mixUpHint(kind, magic));
    }
    if (kind == IdxKind.LABELS && !type.get().isInteger()) {
      throw problem(
          "the labels are %s (magic number %s at %s); expected whole numbers (unsigned or signed"
              + " bytes, shorts or ints), one class per label",
          type.get().plural(), IdxKind.hex(magic), at(0));
    }
    byte[] sizes = new byte[4 * dimensions];
    if (read(sizes, 0, sizes.length) < sizes.length) {
      throw problem(
          "the data ends at %s, inside the %d-byte header of IDX %s",
          at(in.count), 4 + sizes.length, kind.plural());
    }
    ByteBuffer header = ByteBuffer.wrap(sizes);
    int[] dims = new int[dimensions];
    for (int i = 0; i < dims.length; i++) {
      dims[i] = header.getInt(4 * i);
      if (dims[i] < 0) {
        throw problem(
            "the %s at %s is %d (0x%08X); expected a size from 0 to %d",
            fieldName(kind, i, dimensions), at(4 + 4 * i), dims[i], dims[i], Integer.MAX_VALUE);
      }
    }
    if (dims[0] == 0) {
      throw problem(
          "the header declares 0 %s (at %s); the data set would be empty", kind.plural(), at(4));
    }
    IdxHeader checked = checkRecordShape(new IdxHeader(kind, type.get(), dims));
    long end = checked.headerBytes() + (long) checked.count() * checked.recordBytes();
    if (size >= 0 && size < end) {
      throw truncated(checked, checked.count(), size);
    }
    this.header = checked;
    return checked;
  }

  private IdxHeader checkRecordShape(IdxHeader h) {
    int[] dims = h.dims();
    long values = 1;
    for (int i = 1; i < dims.length; i++) {
      values *= dims[i];
      if (dims[i] == 0) {
        boolean image = dims.length == 3;
        throw problem(
            "the header declares %s of %s %s (at %s to %s); expected %s",
            h.kind().plural(),
            h.shape(),
            image ? "pixels" : "values",
            at(8),
            at(h.headerBytes() - 4),
            image ? "at least one row and one column" : "every size of a record to be at least 1");
      }
      if (values * h.type().size() > MAX_VALUES) {
        throw problem(
            "the header declares %s of %s = %s %s each (at %s); one data set holds at most %d"
                + " bytes",
            h.kind().plural(),
            h.shape(),
            dims.length == 3 ? "pixels" : "values",
            values <= Integer.MAX_VALUE ? values : "more than " + Integer.MAX_VALUE,
            at(8),
            MAX_VALUES);
      }
    }
    return h;
  }

  /**
   * The byte count of the first {@code records} records, checked to fit one data set; call it
   * before reading anything large, so that an impossible request fails at once.
   */
  int requireCapacity(int records) {
    long total = (long) records * header.recordBytes();
    if (total > MAX_VALUES) {
      throw problem(
          "%s make %d bytes of data; one data set holds at most %d (read fewer with a limit)",
          header.describe(records), total, MAX_VALUES);
    }
    return (int) total;
  }

  /**
   * Reads the first {@code records} records after the header as they are stored.
   *
   * <p>One record follows another; for byte types the bytes are the values themselves.
   */
  byte[] readBytes(int records) {
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

  /**
   * Reads the first {@code records} records as float32 values, checked to be finite.
   *
   * <p>The array grows only as data arrives, so a lying gzip header costs nothing.
   */
  float[] readFloats(int records) {
    requireCapacity(records);
    IdxType type = header.type();
    int total = records * header.recordValues();
    float[] values = new float[size >= 0 ? total : Math.min(total, FIRST_CHUNK_BYTES / 4)];
    byte[] chunk = new byte[BUFFER_BYTES - BUFFER_BYTES % type.size()];
    ByteBuffer view = ByteBuffer.wrap(chunk);
    int filled = 0;
    while (filled < total) {
      long offset = in.count;
      int wanted = (int) Math.min(chunk.length, (long) (total - filled) * type.size());
      int n = read(chunk, 0, wanted);
      if (n < wanted) {
        throw truncated(header, records, in.count);
      }
      int count = n / type.size();
      if (filled + count > values.length) {
        values = Arrays.copyOf(values, (int) Math.min(total, Math.max(2L * values.length, count)));
      }
      for (int i = 0; i < count; i++) {
        double v = type.get(view, i * type.size());
        float f = (float) v;
        if (!Float.isFinite(f)) {
          long at = offset + (long) i * type.size();
          int index = (int) ((at - header.headerBytes()) / header.recordBytes());
          throw problem(
              "%s %d of %d holds %s at %s; expected finite numbers%s",
              header.kind().singular(),
              index + 1,
              header.count(),
              Double.isNaN(v) ? "NaN (not a number)" : v + ", beyond the range of a float",
              at(at),
              Double.isNaN(v) ? " (a missing value?)" : "");
        }
        values[filled + i] = f;
      }
      filled += count;
    }
    return values;
  }

  /** Reads the first {@code records} labels as integers, refusing negative ones. */
  int[] readLabels(int records) {
    byte[] raw = readBytes(records);
    IdxType type = header.type();
    ByteBuffer view = ByteBuffer.wrap(raw);
    int[] labels = new int[records];
    for (int i = 0; i < records; i++) {
      long label = (long) type.get(view, i * type.size());
      if (label < 0) {
        throw problem(
            "label %d of example %d (at %s) is negative; expected labels 0, 1, 2, ... (one per"
                + " class)",
            label, i, at(header.headerBytes() + (long) i * type.size()));
      }
      labels[i] = (int) label;
    }
    return labels;
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

  /** The file's size in bytes (compressed, for gzip), or -1 when unknown. */
  long fileBytes() {
    return fileBytes;
  }

  /**
   * What a gzip file's trailer says its data holds decompressed (modulo 2^32), or -1.
   *
   * <p>-1 when it is not a gzip file on disk.
   */
  long gzipTrailerBytes() {
    return gzipTrailerBytes;
  }

  private DendriteException truncated(IdxHeader h, int records, long endOffset) {
    long complete = Math.max(0, endOffset - h.headerBytes()) / h.recordBytes();
    return problem(
        "truncated: expected %d bytes of %s for %s from %s, but the data ends at %s (%d of %d %s"
            + " complete)",
        (long) records * h.recordBytes(),
        h.dataName(),
        h.describe(records),
        at(h.headerBytes()),
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
    long index = (in.count - header.headerBytes()) / header.recordBytes();
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
    boolean idx = (magic >>> 16) == 0 && IdxType.of((magic >>> 8) & 0xff).isPresent();
    for (IdxKind other : IdxKind.values()) {
      if (idx && other != expected && other.accepts(magic & 0xff)) {
        return ", given where the " + expected.plural() + " file was expected (files swapped?)";
      }
    }
    return "";
  }

  private static String fieldName(IdxKind kind, int dimension, int dimensions) {
    if (kind == IdxKind.LABELS) {
      return "label count";
    }
    if (dimensions == 3) {
      return IMAGE_FIELDS[dimension];
    }
    return dimension == 0 ? "record count" : "size of dimension " + dimension;
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
