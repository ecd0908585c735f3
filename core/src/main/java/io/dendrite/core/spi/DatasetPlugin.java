package io.dendrite.core.spi;

/** Service interface for dataset plugins; register implementations in {@code META-INF/services}. */
public interface DatasetPlugin extends Plugin<Dataset> {}
