package io.dendrite.core.spi;

import io.dendrite.core.param.Params;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Service interface for metric plugins; register implementations in {@code
 * META-INF/services/io.dendrite.core.spi.MetricPlugin}.
 */
public interface MetricPlugin extends Plugin<Metric> {
  /** The base of a metric plugin: a declaration and a constructor reference. */
  abstract class Base extends DeclaredPlugin<Metric> implements MetricPlugin {
    /**
     * The metric plugin {@code declaration} describes; {@code factory} makes each instance from the
     * validated parameters (usually a constructor reference or a lambda).
     */
    protected Base(Declaration declaration, Function<Params, ? extends Metric> factory) {
      super(declaration, factory);
    }

    /** A metric plugin with no parameters: its id, a one-line summary, and how to make one. */
    protected Base(String id, String summary, Supplier<? extends Metric> factory) {
      super(id, summary, factory);
    }
  }
}
