package io.dendrite.core.spi;

/**
 * Service interface for initializer plugins; register implementations in {@code META-INF/services}.
 */
public interface InitializerPlugin extends Plugin<Initializer> {}
