package io.dendrite.core.spi;

/**
 * Service interface for activation plugins; register implementations in {@code META-INF/services}.
 */
public interface ActivationPlugin extends Plugin<Activation> {}
