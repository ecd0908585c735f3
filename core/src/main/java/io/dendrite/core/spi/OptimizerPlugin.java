package io.dendrite.core.spi;

/**
 * Service interface for optimizer plugins; register implementations in {@code META-INF/services}.
 */
public interface OptimizerPlugin extends Plugin<Optimizer> {}
