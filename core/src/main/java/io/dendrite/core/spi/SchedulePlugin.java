package io.dendrite.core.spi;

import io.dendrite.core.param.Params;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Service interface for schedule plugins; register implementations in {@code
 * META-INF/services/io.dendrite.core.spi.SchedulePlugin}.
 */
public interface SchedulePlugin extends Plugin<Schedule> {
  /** The base of a schedule plugin: a declaration and a constructor reference. */
  abstract class Base extends DeclaredPlugin<Schedule> implements SchedulePlugin {
    /**
     * The schedule plugin {@code declaration} describes; {@code factory} makes each instance from
     * the validated parameters (usually a constructor reference or a lambda).
     */
    protected Base(Declaration declaration, Function<Params, ? extends Schedule> factory) {
      super(declaration, factory);
    }

    /** A schedule plugin with no parameters: its id, a one-line summary, and how to make one. */
    protected Base(String id, String summary, Supplier<? extends Schedule> factory) {
      super(id, summary, factory);
    }
  }
}
