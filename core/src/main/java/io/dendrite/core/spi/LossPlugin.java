package io.dendrite.core.spi;

/** Service interface for loss plugins; register implementations in {@code META-INF/services}. */
public interface LossPlugin extends Plugin<Loss> {}
