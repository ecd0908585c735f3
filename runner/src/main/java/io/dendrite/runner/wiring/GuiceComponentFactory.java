package io.dendrite.runner.wiring;

import io.dendrite.core.param.ComponentSpec;
import io.dendrite.core.plugin.ComponentFactory;
import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.spi.PluginKind;
import jakarta.inject.Inject;
import java.util.Map;

/** Creates plugin instances through the plugins Guice bound in {@link PluginModule}. */
public final class GuiceComponentFactory implements ComponentFactory {
  private final Map<PluginKind, Map<String, Plugin<?>>> plugins;
  private final PluginRegistry registry;

  @Inject
  GuiceComponentFactory(Map<PluginKind, Map<String, Plugin<?>>> plugins, PluginRegistry registry) {
    this.plugins = plugins;
    this.registry = registry;
  }

  @Override
  public <T> T create(ComponentSpec spec, Class<T> type) {
    Plugin<?> plugin = plugins.getOrDefault(spec.kind(), Map.of()).get(spec.id());
    if (plugin == null) {
      // Not bound: unknown or claimed twice; the registry says which, naming the jars.
      plugin = registry.require(spec.kind(), spec.id()).plugin();
    }
    return ComponentFactory.instantiate(plugin, spec, type);
  }
}
