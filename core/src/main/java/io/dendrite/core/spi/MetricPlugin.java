package io.dendrite.core.spi;

/** Service interface for metric plugins; register implementations in {@code META-INF/services}. */
public interface MetricPlugin extends Plugin<Metric> {}
