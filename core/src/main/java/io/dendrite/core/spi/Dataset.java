package io.dendrite.core.spi;

import io.dendrite.core.data.Examples;

/** A source of examples, read into memory. */
public interface Dataset {
  /**
   * Reads the examples. Bad or missing data is reported as a {@link
   * io.dendrite.core.DendriteException} of kind DATA naming the file and the record or offset.
   */
  Examples load(DatasetContext context);

  /**
   * New inputs for a trained model ({@code dendrite predict}) read from {@code file} as this
   * dataset gives its features: an image resized, and inverted, the way the training images are, or
   * CSV rows with the dataset's feature columns. Empty when this dataset has no reader for such a
   * file; the caller then says which formats it reads.
   *
   * @param file an input file, not necessarily in the dataset's own format
   * @throws io.dendrite.core.DendriteException of kind DATA when the file is of a format this
   *     dataset reads but is damaged
   */
  default java.util.Optional<io.dendrite.core.data.Features> readInputs(
      java.nio.file.Path file, DatasetContext context) {
    return java.util.Optional.empty();
  }

  /** The kinds of input files {@link #readInputs} reads, for messages: {@code "PNG or JPEG"}. */
  default String inputFormats() {
    return "none";
  }
}
