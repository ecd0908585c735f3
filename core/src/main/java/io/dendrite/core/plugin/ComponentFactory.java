package io.dendrite.core.plugin;

import io.dendrite.core.param.ComponentSpec;

/** Creates a fresh plugin instance from a validated spec. */
public interface ComponentFactory {
  /**
   * A new instance of the plugin {@code spec} names.
   *
   * @throws io.dendrite.core.DendriteException when no such plugin is installed, or the id is
   *     ambiguous
   */
  <T> T create(ComponentSpec spec, Class<T> type);
}
