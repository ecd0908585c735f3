package io.dendrite.runner.wiring;

import io.dendrite.core.DendriteException;
import io.dendrite.core.plugin.ComponentFactory;
import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.core.plugin.RegisteredPlugin;
import io.dendrite.core.spi.ComponentSpec;
import io.dendrite.core.spi.PluginKind;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;

/** Creates plugin instances through the plugin maps Guice holds ({@link PluginModule}). */
public final class GuiceComponentFactory implements ComponentFactory {
  private final Map<PluginKind, Map<String, Set<RegisteredPlugin>>> plugins;
  private final PluginRegistry registry;

  @Inject
  GuiceComponentFactory(
      Map<PluginKind, Map<String, Set<RegisteredPlugin>>> plugins, PluginRegistry registry) {
    this.plugins = plugins;
    this.registry = registry;
  }

  @Override
  public <T> T create(ComponentSpec spec, Class<T> type) {
    Set<RegisteredPlugin> found =
        plugins.getOrDefault(spec.kind(), Map.of()).getOrDefault(spec.id(), Set.of());
    if (found.size() > 1) {
      throw PluginRegistry.ambiguous(spec.kind(), spec.id(), found);
    }
    if (found.isEmpty()) {
      // Validation refuses unknown ids; this is for specs made by hand. The registry only words it.
      throw DendriteException.config(registry.unknownMessage(spec.kind(), spec.id()));
    }
    return ComponentFactory.instantiate(found.iterator().next().plugin(), spec, type);
  }
}
