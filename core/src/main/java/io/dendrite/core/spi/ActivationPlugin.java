package io.dendrite.core.spi;

import io.dendrite.core.param.Params;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Service interface for activation plugins; register implementations in {@code
 * META-INF/services/io.dendrite.core.spi.ActivationPlugin}.
 */
public interface ActivationPlugin extends Plugin<Activation> {
  /**
   * What the activation's outputs are with {@code params}, so that a network whose last activation
   * does not suit its loss is refused before training; {@link Outputs#UNKNOWN} (nothing is checked)
   * unless the plugin declares it.
   */
  default Outputs outputs(Params params) {
    return Outputs.UNKNOWN;
  }

  /** The base of an activation plugin: a declaration and a constructor reference. */
  abstract class Base extends DeclaredPlugin<Activation> implements ActivationPlugin {
    /**
     * The activation plugin {@code declaration} describes; {@code factory} makes each instance from
     * the validated parameters (usually a constructor reference or a lambda).
     */
    protected Base(Declaration declaration, Function<Params, ? extends Activation> factory) {
      super(declaration, factory);
    }

    /** An activation plugin with no parameters: its id, a one-line summary, and how to make one. */
    protected Base(String id, String summary, Supplier<? extends Activation> factory) {
      super(id, summary, factory);
    }
  }
}
