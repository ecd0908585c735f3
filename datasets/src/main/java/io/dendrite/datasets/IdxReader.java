package io.dendrite.datasets;

import io.dendrite.core.DendriteException;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** Reads an IDX records file and its labels file, checking one against the other. */
final class IdxReader {
  /** MNIST-style data has ten digit classes, even when a subset happens to lack the last ones. */
  static final int DEFAULT_CLASSES = 10;

  private IdxReader() {}

  /**
   * Reads both files.
   *
   * @param limit how many examples to read from the start; 0 reads all. With a limit the files are
   *     read only as far as needed, so trailing data (and a gzip checksum) is not checked.
   * @param classes the number of classes, labels at or above it being errors; 0 to count them: at
   *     least {@value #DEFAULT_CLASSES}, and every label up to the largest must occur
   * @param classNames a name per class, or empty for "0", "1", …
   */
  static LabeledImages read(
      Supplier<IdxInput> openImages,
      Supplier<IdxInput> openLabels,
      int limit,
      int classes,
      List<String> classNames) {
    try (IdxInput images = openImages.get();
        IdxInput labels = openLabels.get()) {
      IdxHeader imageHeader = images.readHeader(IdxKind.IMAGES);
      IdxHeader labelHeader = labels.readHeader(IdxKind.LABELS);
      if (imageHeader.count() != labelHeader.count()) {
        throw DendriteException.data(
            images.file()
                + " holds "
                + imageHeader.count()
                + " images but "
                + labels.file()
                + " holds "
                + labelHeader.count()
                + " labels (the counts at byte offset 4 of their headers); expected one label per"
                + " image");
      }
      int count = limit == 0 ? imageHeader.count() : Math.min(limit, imageHeader.count());
      int declared = classes > 0 ? classes : classNames.size();
      images.requireCapacity(count);
      requireMemory(images, imageHeader, count, Math.max(declared, DEFAULT_CLASSES));
      // Labels first: they are small, so a bad label fails fast, before megabytes of pixels.
      int[] labelValues = labels.readLabels(count);
      int classCount = classCount(labels, labelHeader, labelValues, declared);
      IdxType type = imageHeader.type();
      int features = imageHeader.recordValues();
      List<String> names =
          classNames.isEmpty() ? LabeledImages.classNames(classCount) : List.copyOf(classNames);
      LabeledImages data =
          type.isByte()
              ? LabeledImages.ofBytes(type, features, images.readBytes(count), labelValues, names)
              : LabeledImages.ofFloats(
                  type, features, images.readFloats(count), labelValues, names);
      if (count == imageHeader.count()) {
        labels.expectEnd();
        images.expectEnd();
      }
      return data;
    }
  }

  /**
   * Refuses records that cannot fit the memory this JVM has left, before allocating anything.
   *
   * <p>A lying gzip header would otherwise end in an out-of-memory error after a long read.
   */
  private static void requireMemory(IdxInput images, IdxHeader header, int count, int classes) {
    long featureBytes =
        (long) count * header.recordValues() * (header.type().isByte() ? 1 : Float.BYTES);
    long targetBytes = (long) count * classes * Float.BYTES;
    long need = featureBytes + targetBytes + (long) count * Integer.BYTES;
    Runtime runtime = Runtime.getRuntime();
    long free = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
    if (need <= free) {
      return;
    }
    StringBuilder file = new StringBuilder();
    if (images.fileBytes() >= 0) {
      file.append(" (the file holds ").append(size(images.fileBytes()));
      if (images.gzipTrailerBytes() >= 0) {
        file.append(", ").append(size(images.gzipTrailerBytes())).append(" decompressed by its");
        file.append(" gzip trailer");
      }
      file.append(')');
    }
    throw DendriteException.data(
        String.format(
            Locale.ROOT,
            "%s: the header declares %s (at byte offset 4): loading %s needs %s (%s of %s and %s"
                + " of targets), more than the %s this Java process has free of its %s maximum"
                + " heap; read fewer with limit:, give Java more memory (DENDRITE_JAVA_OPTS=-Xmx%dg),"
                + " or check the header if the file cannot hold that much%s",
            images.file(),
            header.describe(header.count()),
            count == header.count() ? "them" : "the first " + count,
            size(need),
            size(featureBytes),
            header.dims().length == 3 ? "pixels" : "values",
            size(targetBytes),
            size(Math.max(0, free)),
            size(runtime.maxMemory()),
            Math.max(2, (need + need / 2 >> 30) + 1),
            file));
  }

  /** {@code bytes} for people: {@code 1.9 GiB}. */
  static String size(long bytes) {
    if (bytes < 1 << 10) {
      return bytes + " bytes";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double v = bytes;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, v < 10 ? "%.2f %s" : "%.1f %s", v, units[u]);
  }

  private static int classCount(IdxInput labels, IdxHeader header, int[] values, int classes) {
    int at = header.headerBytes();
    int width = header.type().size();
    if (classes > 0) {
      for (int i = 0; i < values.length; i++) {
        if (values[i] >= classes) {
          throw DendriteException.data(
              labels.file()
                  + ": label "
                  + values[i]
                  + " of example "
                  + i
                  + " (at "
                  + labels.at(at + (long) i * width)
                  + ") is outside 0.."
                  + (classes - 1)
                  + "; expected a label below classes = "
                  + classes);
        }
      }
      return classes;
    }
    int max = 0;
    for (int v : values) {
      max = Math.max(max, v);
    }
    if (max >= DEFAULT_CLASSES) {
      requireNoGap(labels, values, max, at, width);
    }
    return Math.max(DEFAULT_CLASSES, max + 1);
  }

  /**
   * Fails when a label above 9 leaves labels unused below it: classes are 0..K-1, so a stray 255
   * among digits is far more likely a damaged record than 256 classes.
   */
  private static void requireNoGap(IdxInput labels, int[] values, int max, int at, int width) {
    if (max >= 1 << 24) {
      int i = indexOf(values, max);
      throw DendriteException.data(
          labels.file()
              + ": label "
              + max
              + " of example "
              + i
              + " (at "
              + labels.at(at + (long) i * width)
              + ") is far above any plausible class count; expected labels 0..K-1 (declare"
              + " classes: K to be told which labels are out of range)");
    }
    boolean[] seen = new boolean[max + 1];
    for (int v : values) {
      seen[v] = true;
    }
    int missing = 0;
    while (missing <= max && seen[missing]) {
      missing++;
    }
    if (missing > max) {
      return;
    }
    int firstAbove = -1;
    for (int i = 0; i < values.length && firstAbove < 0; i++) {
      if (values[i] > missing) {
        firstAbove = i;
      }
    }
    int nextSeen = missing;
    while (!seen[nextSeen]) {
      nextSeen++;
    }
    String gap =
        nextSeen - 1 == missing
            ? "no example has label " + missing
            : "no example has the labels " + missing + " to " + (nextSeen - 1);
    throw DendriteException.data(
        labels.file()
            + ": label "
            + values[firstAbove]
            + " of example "
            + firstAbove
            + " (at "
            + labels.at(at + (long) firstAbove * width)
            + ") leaves a gap: "
            + gap
            + ", so the labels are not the classes 0.."
            + max
            + "; expected labels 0..K-1. A stray label is most likely a damaged record; if the"
            + " data set really has "
            + (max + 1)
            + " classes, declare classes: "
            + (max + 1));
  }

  private static int indexOf(int[] values, int value) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] == value) {
        return i;
      }
    }
    return -1;
  }
}
