package io.dendrite.core.spi;

import java.util.Optional;

/**
 * The kinds of plugin Dendrite knows, each with the service interface its providers implement.
 *
 * <p>Adding a kind is adding a constant here and its two interfaces; the registry, the runner's
 * wiring and {@code dendrite plugins} pick it up from this list.
 */
public enum PluginKind {
  ACTIVATION("activation", ActivationPlugin.class),
  LOSS("loss", LossPlugin.class),
  OPTIMIZER("optimizer", OptimizerPlugin.class),
  INITIALIZER("initializer", InitializerPlugin.class),
  LAYER("layer", LayerPlugin.class),
  METRIC("metric", MetricPlugin.class),
  DATASET("dataset", DatasetPlugin.class);

  private final String id;
  private final Class<? extends Plugin<?>> serviceType;

  PluginKind(String id, Class<? extends Plugin<?>> serviceType) {
    this.id = id;
    this.serviceType = serviceType;
  }

  /** The lower-case name used in messages, JSON and YAML ({@code activation}). */
  public String id() {
    return id;
  }

  /** The interface named in {@code META-INF/services} for this kind. */
  public Class<? extends Plugin<?>> serviceType() {
    return serviceType;
  }

  /** The kind whose {@link #id()} is {@code id}. */
  public static Optional<PluginKind> byId(String id) {
    for (PluginKind k : values()) {
      if (k.id.equals(id)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
