package io.dendrite.core.spi;

/** Service interface for layer plugins; register implementations in {@code META-INF/services}. */
public interface LayerPlugin extends Plugin<Layer> {}
