package io.dendrite.core.spi;

import io.dendrite.core.param.Params;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Service interface for loss plugins; register implementations in {@code
 * META-INF/services/io.dendrite.core.spi.LossPlugin}.
 */
public interface LossPlugin extends Plugin<Loss> {
  /** The base of a loss plugin: a declaration and a constructor reference. */
  abstract class Base extends DeclaredPlugin<Loss> implements LossPlugin {
    /**
     * The loss plugin {@code declaration} describes; {@code factory} makes each instance from the
     * validated parameters (usually a constructor reference or a lambda).
     */
    protected Base(Declaration declaration, Function<Params, ? extends Loss> factory) {
      super(declaration, factory);
    }

    /** A loss plugin with no parameters: its id, a one-line summary, and how to make one. */
    protected Base(String id, String summary, Supplier<? extends Loss> factory) {
      super(id, summary, factory);
    }
  }
}
