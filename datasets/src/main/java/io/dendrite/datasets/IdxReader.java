package io.dendrite.datasets;

import io.dendrite.core.DendriteException;
import java.util.function.Supplier;

/** Reads an IDX images file and its labels file, checking one against the other. */
final class IdxReader {
  /** MNIST-style data has ten digit classes, even when a subset happens to lack the last ones. */
  static final int DEFAULT_CLASSES = 10;

  private IdxReader() {}

  /**
   * Reads both files.
   *
   * @param limit how many examples to read from the start; 0 reads all. With a limit the files are
   *     read only as far as needed, so trailing data (and a gzip checksum) is not checked.
   * @param classes the number of classes, labels above it being errors; 0 for {@value
   *     #DEFAULT_CLASSES}, or the largest label + 1 when that is more
   */
  static LabeledImages read(
      Supplier<IdxInput> openImages, Supplier<IdxInput> openLabels, int limit, int classes) {
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
      images.requireCapacity(count);
      // Labels first: they are small, so a bad label fails fast, before megabytes of pixels.
      byte[] labelBytes = labels.readRecords(count);
      int classCount = classCount(labels, labelBytes, classes);
      byte[] pixels = images.readRecords(count);
      if (count == imageHeader.count()) {
        labels.expectEnd();
        images.expectEnd();
      }
      return new LabeledImages(
          imageHeader.rows(), imageHeader.cols(), pixels, labelBytes, classCount);
    }
  }

  private static int classCount(IdxInput labels, byte[] values, int classes) {
    int headerBytes = IdxKind.LABELS.headerBytes();
    if (classes == 0) {
      int max = 0;
      for (byte b : values) {
        max = Math.max(max, b & 0xff);
      }
      return Math.max(DEFAULT_CLASSES, max + 1);
    }
    for (int i = 0; i < values.length; i++) {
      int label = values[i] & 0xff;
      if (label >= classes) {
        throw DendriteException.data(
            labels.file()
                + ": label "
                + label
                + " of example "
                + i
                + " (at "
                + labels.at(headerBytes + i)
                + ") is outside 0.."
                + (classes - 1)
                + "; expected a label below classes = "
                + classes);
      }
    }
    return classes;
  }
}
