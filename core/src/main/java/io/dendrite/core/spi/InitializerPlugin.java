package io.dendrite.core.spi;

import io.dendrite.core.param.Params;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Service interface for initializer plugins; register implementations in {@code
 * META-INF/services/io.dendrite.core.spi.InitializerPlugin}.
 */
public interface InitializerPlugin extends Plugin<Initializer> {
  /** The base of an initializer plugin: a declaration and a constructor reference. */
  abstract class Base extends DeclaredPlugin<Initializer> implements InitializerPlugin {
    /**
     * The initializer plugin {@code declaration} describes; {@code factory} makes each instance
     * from the validated parameters (usually a constructor reference or a lambda).
     */
    protected Base(Declaration declaration, Function<Params, ? extends Initializer> factory) {
      super(declaration, factory);
    }

    /** A initializer plugin with no parameters: its id, a one-line summary, and how to make one. */
    protected Base(String id, String summary, Supplier<? extends Initializer> factory) {
      super(id, summary, factory);
    }
  }
}
