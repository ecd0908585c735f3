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
    protected Base(Declaration declaration, Function<Params, ? extends Schedule> factory) {
      super(declaration, factory);
    }

    protected Base(String id, String summary, Supplier<? extends Schedule> factory) {
      super(id, summary, factory);
    }
  }
}
