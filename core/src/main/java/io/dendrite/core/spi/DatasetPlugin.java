package io.dendrite.core.spi;

import io.dendrite.core.param.Params;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Service interface for dataset plugins; register implementations in {@code
 * META-INF/services/io.dendrite.core.spi.DatasetPlugin}.
 */
public interface DatasetPlugin extends Plugin<Dataset> {
  /**
   * The shape of the examples when {@code params} alone tell it ({@code mnist_sample}: 784 pixels,
   * 10 classes), so that a last layer of the wrong width is refused before anything is read; empty
   * when only the data tells.
   */
  default java.util.Optional<DataShape> shape(Params params) {
    return java.util.Optional.empty();
  }

  /** The base of a dataset plugin: a declaration and a constructor reference. */
  abstract class Base extends DeclaredPlugin<Dataset> implements DatasetPlugin {
    /**
     * The dataset plugin {@code declaration} describes; {@code factory} makes each instance from
     * the validated parameters (usually a constructor reference or a lambda).
     */
    protected Base(Declaration declaration, Function<Params, ? extends Dataset> factory) {
      super(declaration, factory);
    }

    /** A dataset plugin with no parameters: its id, a one-line summary, and how to make one. */
    protected Base(String id, String summary, Supplier<? extends Dataset> factory) {
      super(id, summary, factory);
    }
  }
}
