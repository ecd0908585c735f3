package io.dendrite.runner.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.name.Names;
import io.dendrite.core.plugin.ComponentFactory;
import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.core.plugin.RegisteredPlugin;
import io.dendrite.core.spi.PluginKind;
import java.util.Map;
import java.util.Set;

/**
 * Binds every discovered plugin into one {@code MapBinder<String, RegisteredPlugin>} per kind,
 * named by the kind ({@code @Named("activation")}) and keyed by id and by each alias. The maps are
 * the only path from an id to a plugin at run time ({@link GuiceComponentFactory}); all of them are
 * bound together too, as {@code Map<PluginKind, Map<String, Set<RegisteredPlugin>>>}.
 *
 * <p>Each binding's source is the plugin's jar, so a message from Guice names it. Duplicate keys
 * are permitted rather than refused, so that a jar that claims an id twice does not break the
 * injector for an experiment that never uses it: the map holds a set per key, and using an id with
 * two plugins fails with both jars named.
 */
public final class PluginModule extends AbstractModule {
  private static final TypeLiteral<String> ID = new TypeLiteral<>() {};
  private static final TypeLiteral<RegisteredPlugin> PLUGIN = new TypeLiteral<>() {};

  private final PluginRegistry registry;

  public PluginModule(PluginRegistry registry) {
    this.registry = registry;
  }

  /** The key of one kind's plugins: id or alias to the plugins that claim it. */
  public static Key<Map<String, Set<RegisteredPlugin>>> mapKey(PluginKind kind) {
    return Key.get(
        new TypeLiteral<Map<String, Set<RegisteredPlugin>>>() {}, Names.named(kind.id()));
  }

  @Override
  protected void configure() {
    bind(PluginRegistry.class).toInstance(registry);
    bind(ComponentFactory.class).to(GuiceComponentFactory.class);
    MapBinder<PluginKind, Map<String, Set<RegisteredPlugin>>> byKind =
        MapBinder.newMapBinder(
            binder(),
            new TypeLiteral<PluginKind>() {},
            new TypeLiteral<Map<String, Set<RegisteredPlugin>>>() {});
    for (PluginKind kind : PluginKind.values()) {
      // Declared even for a kind with no plugins, so that its (empty) map can be injected.
      MapBinder.newMapBinder(binder(), ID, PLUGIN, Names.named(kind.id())).permitDuplicates();
      byKind.addBinding(kind).to(mapKey(kind));
      for (RegisteredPlugin p : registry.plugins(kind)) {
        MapBinder<String, RegisteredPlugin> plugins =
            MapBinder.newMapBinder(
                    binder().withSource(p.source()), ID, PLUGIN, Names.named(kind.id()))
                .permitDuplicates();
        plugins.addBinding(p.id()).toInstance(p);
        for (String alias : p.plugin().aliases()) {
          plugins.addBinding(alias).toInstance(p);
        }
      }
    }
  }
}
