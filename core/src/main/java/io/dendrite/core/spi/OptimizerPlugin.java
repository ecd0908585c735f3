package io.dendrite.core.spi;

import io.dendrite.core.param.Params;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Service interface for optimizer plugins; register implementations in {@code
 * META-INF/services/io.dendrite.core.spi.OptimizerPlugin}.
 */
public interface OptimizerPlugin extends Plugin<Optimizer> {
  /** The base of an optimizer plugin: a declaration and a constructor reference. */
  abstract class Base extends DeclaredPlugin<Optimizer> implements OptimizerPlugin {
    /**
     * The optimizer plugin {@code declaration} describes; {@code factory} makes each instance from
     * the validated parameters (usually a constructor reference or a lambda).
     */
    protected Base(Declaration declaration, Function<Params, ? extends Optimizer> factory) {
      super(declaration, factory);
    }

    /** A optimizer plugin with no parameters: its id, a one-line summary, and how to make one. */
    protected Base(String id, String summary, Supplier<? extends Optimizer> factory) {
      super(id, summary, factory);
    }
  }
}
