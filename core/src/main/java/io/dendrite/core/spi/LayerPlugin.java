package io.dendrite.core.spi;

import io.dendrite.core.param.Params;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Service interface for layer plugins; register implementations in {@code
 * META-INF/services/io.dendrite.core.spi.LayerPlugin}.
 */
public interface LayerPlugin extends Plugin<Layer> {
  /**
   * How wide the layer's output is with {@code params} after inputs {@code inputSize} wide (empty
   * when not known), before it is built: {@code dense} its units, a dropout its input's width.
   * Empty when the plugin does not declare it; nothing is checked then.
   */
  default java.util.OptionalInt outputSize(Params params, java.util.OptionalInt inputSize) {
    return java.util.OptionalInt.empty();
  }

  /**
   * What the layer's outputs are with {@code params} when it has no activation parameter of its own
   * ({@code dense} without one gives {@link Outputs#REAL}); {@link Outputs#UNKNOWN} by default.
   */
  default Outputs outputs(Params params) {
    return Outputs.UNKNOWN;
  }

  /** The base of a layer plugin: a declaration and a constructor reference. */
  abstract class Base extends DeclaredPlugin<Layer> implements LayerPlugin {
    /**
     * The layer plugin {@code declaration} describes; {@code factory} makes each instance from the
     * validated parameters (usually a constructor reference or a lambda).
     */
    protected Base(Declaration declaration, Function<Params, ? extends Layer> factory) {
      super(declaration, factory);
    }

    /** A layer plugin with no parameters: its id, a one-line summary, and how to make one. */
    protected Base(String id, String summary, Supplier<? extends Layer> factory) {
      super(id, summary, factory);
    }
  }
}
