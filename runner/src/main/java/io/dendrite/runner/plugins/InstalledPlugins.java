package io.dendrite.runner.plugins;

import io.dendrite.core.plugin.PluginRegistry;
import java.nio.file.Path;
import java.util.List;

/**
 * The plugins a command works with, and the folders they were looked for in. Closing it releases
 * every plugin jar, so a command closes it once it no longer uses any plugin.
 */
public interface InstalledPlugins extends AutoCloseable {
  /** Every plugin, and every problem found looking for them. */
  PluginRegistry registry();

  /** The plugin folders and jars that were looked in, in order; some may not exist. */
  List<Path> searched();

  @Override
  void close();

  /** Plugins given as a whole, from no folder: tests, and programs that embed Dendrite. */
  static InstalledPlugins of(PluginRegistry registry) {
    return new InstalledPlugins() {
      @Override
      public PluginRegistry registry() {
        return registry;
      }

      @Override
      public List<Path> searched() {
        return List.of();
      }

      @Override
      public void close() {}
    };
  }
}
