package io.dendrite.core.plugin;

import io.dendrite.core.spi.Plugin;
import io.dendrite.core.spi.PluginKind;

/**
 * A plugin found on the class path, with where it came from.
 *
 * @param source the jar file name, or the folder of classes, that provides it
 */
public record RegisteredPlugin(PluginKind kind, Plugin<?> plugin, String source) {
  public String id() {
    return plugin.id();
  }

  /** The plugin's version, from its jar's manifest ({@link Plugin#version()}). */
  public String version() {
    return plugin.version();
  }
}
