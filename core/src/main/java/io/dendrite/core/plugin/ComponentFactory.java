package io.dendrite.core.plugin;

import io.dendrite.core.param.Params;
import io.dendrite.core.spi.ComponentSpec;
import io.dendrite.core.spi.Plugin;

/** Creates a fresh plugin instance from a validated spec. */
public interface ComponentFactory {
  /**
   * A new instance of the plugin {@code spec} names.
   *
   * @throws io.dendrite.core.DendriteException when no such plugin is installed, or the id is
   *     ambiguous
   */
  <T> T create(ComponentSpec spec, Class<T> type);

  /**
   * Creates an instance of {@code plugin} from {@code spec}, checking it is a {@code type}.
   *
   * <p>A spec may carry only the values given in configuration (a default component, or one built
   * by hand): resolving them again against the plugin's declarations fills in the rest.
   */
  static <T> T instantiate(Plugin<?> plugin, ComponentSpec spec, Class<T> type) {
    Params params =
        spec.params().declared().equals(plugin.params())
            ? spec.params()
            : Params.resolve(plugin.params(), spec.params().values());
    Object instance = plugin.create(params);
    if (!type.isInstance(instance)) {
      throw new IllegalStateException(
          spec.kind().id()
              + " '"
              + spec.id()
              + "' created a "
              + instance.getClass().getName()
              + ", not a "
              + type.getName());
    }
    return type.cast(instance);
  }
}
