package io.dendrite.runner.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.util.Types;
import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.core.plugin.RegisteredPlugin;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.spi.PluginKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Binds every discovered plugin into one {@code MapBinder<String, XPlugin>} per kind. Maps are
 * keyed by id ({@code Map<String, ActivationPlugin>}, {@code Map<String, LossPlugin>}, ...), and
 * all of them are bound together as {@code Map<PluginKind, Map<String, Plugin<?>>>} for code that
 * works on any kind.
 *
 * <p>An id that two plugins claim is left out, so that Guice does not refuse the whole injector for
 * a plugin the experiment may not use; using it fails in {@link GuiceComponentFactory} with the
 * registry's message naming both jars.
 */
public final class PluginModule extends AbstractModule {
  private final PluginRegistry registry;
  private final Map<PluginKind, List<RegisteredPlugin>> bindable = new EnumMap<>(PluginKind.class);

  public PluginModule(PluginRegistry registry) {
    this.registry = registry;
    for (PluginKind kind : PluginKind.values()) {
      List<RegisteredPlugin> unique = new ArrayList<>();
      for (RegisteredPlugin p : registry.plugins(kind)) {
        if (registry.contains(kind, p.id())) {
          unique.add(p);
        }
      }
      bindable.put(kind, unique);
    }
  }

  /** The key of the map of one kind, e.g. {@code Map<String, ActivationPlugin>}. */
  @SuppressWarnings("unchecked")
  public static Key<Map<String, Plugin<?>>> mapKey(PluginKind kind) {
    return (Key<Map<String, Plugin<?>>>) Key.get(Types.mapOf(String.class, kind.serviceType()));
  }

  @Override
  protected void configure() {
    bind(PluginRegistry.class).toInstance(registry);
    MapBinder<PluginKind, Map<String, Plugin<?>>> byKind =
        MapBinder.newMapBinder(
            binder(),
            new TypeLiteral<PluginKind>() {},
            new TypeLiteral<Map<String, Plugin<?>>>() {});
    for (PluginKind kind : PluginKind.values()) {
      MapBinder<String, Plugin<?>> plugins = mapBinder(kind);
      for (RegisteredPlugin p : bindable.get(kind)) {
        plugins.addBinding(p.id()).toInstance(p.plugin());
      }
      byKind.addBinding(kind).to(mapKey(kind));
    }
  }

  /** A map binder whose value type is the kind's own interface, typed loosely for the loop. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private MapBinder<String, Plugin<?>> mapBinder(PluginKind kind) {
    return MapBinder.newMapBinder(binder(), String.class, (Class) kind.serviceType());
  }
}
