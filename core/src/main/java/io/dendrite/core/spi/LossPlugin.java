package io.dendrite.core.spi;

import io.dendrite.core.param.Params;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Service interface for loss plugins; register implementations in {@code
 * META-INF/services/io.dendrite.core.spi.LossPlugin}.
 */
public interface LossPlugin extends Plugin<Loss> {
  /**
   * What the loss needs the network's outputs to be with {@code params}: {@code cross_entropy}
   * probabilities over the classes; {@link LossInput#ANY} (nothing is checked) unless the plugin
   * declares it.
   */
  default LossInput input(Params params) {
    return LossInput.ANY;
  }

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
