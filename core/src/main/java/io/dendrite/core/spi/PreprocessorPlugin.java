package io.dendrite.core.spi;

import io.dendrite.core.param.Params;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Service interface for preprocessor plugins; register implementations in {@code
 * META-INF/services/io.dendrite.core.spi.PreprocessorPlugin}.
 */
public interface PreprocessorPlugin extends Plugin<Preprocessor> {
  /** The base of a preprocessor plugin: a declaration and a constructor reference. */
  abstract class Base extends DeclaredPlugin<Preprocessor> implements PreprocessorPlugin {
    /**
     * The preprocessor plugin {@code declaration} describes; {@code factory} makes each instance
     * from the validated parameters (usually a constructor reference or a lambda).
     */
    protected Base(Declaration declaration, Function<Params, ? extends Preprocessor> factory) {
      super(declaration, factory);
    }

    /**
     * A preprocessor plugin with no parameters: its id, a one-line summary, and how to make one.
     */
    protected Base(String id, String summary, Supplier<? extends Preprocessor> factory) {
      super(id, summary, factory);
    }
  }
}
