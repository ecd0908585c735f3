package io.dendrite.core.plugin;

import io.dendrite.core.spi.PluginKind;

/**
 * A provider that could not be loaded, or was refused, with the jar it came from.
 *
 * @param kind the kind of plugin concerned, or null for a file that is no plugin jar at all
 * @param id the plugin id concerned, when known (null when the class could not even be made)
 */
public record PluginProblem(PluginKind kind, String id, String source, String message) {
  @Override
  public String toString() {
    String what = kind == null ? "" : kind.id() + (id == null ? "" : " '" + id + "'") + ": ";
    return source + ": " + what + message;
  }
}
