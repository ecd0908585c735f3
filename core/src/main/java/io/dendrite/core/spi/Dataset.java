package io.dendrite.core.spi;

import io.dendrite.core.data.Examples;

/** A source of examples, read into memory. */
public interface Dataset {
  /**
   * Reads the examples. Bad or missing data is reported as a {@link
   * io.dendrite.core.DendriteException} of kind DATA naming the file and the record or offset.
   */
  Examples load(DatasetContext context);
}
