package io.dendrite.core.spi;

import io.dendrite.core.param.Param;
import java.util.Optional;

/**
 * The kinds of plugin Dendrite knows, each with the service interface its providers implement.
 *
 * <p>Adding a kind is adding a constant here and its two interfaces; the registry, the runner's
 * wiring and {@code dendrite plugins} pick it up from this list.
 */
public enum PluginKind {
  /** An activation function, applied to a layer's output ({@link Activation}). */
  ACTIVATION("activation", ActivationPlugin.class),
  /** What training minimizes ({@link Loss}). */
  LOSS("loss", LossPlugin.class),
  /** How parameters are updated from their gradients ({@link Optimizer}). */
  OPTIMIZER("optimizer", OptimizerPlugin.class),
  /** The starting values of a weight matrix ({@link Initializer}). */
  INITIALIZER("initializer", InitializerPlugin.class),
  /** One layer of the network ({@link Layer}). */
  LAYER("layer", LayerPlugin.class),
  /** A quality measure reported besides the loss ({@link Metric}). */
  METRIC("metric", MetricPlugin.class),
  /** A source of examples ({@link Dataset}). */
  DATASET("dataset", DatasetPlugin.class),
  /** A step of {@code data.preprocess}, fitted on the training split ({@link Preprocessor}). */
  PREPROCESSOR("preprocessor", PreprocessorPlugin.class),
  /** How the learning rate changes during training ({@link Schedule}). */
  SCHEDULE("schedule", SchedulePlugin.class);

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

  /** The name with its indefinite article, for messages: {@code an activation}, {@code a loss}. */
  public String withArticle() {
    return ("aeiou".indexOf(id.charAt(0)) >= 0 ? "an " : "a ") + id;
  }

  /** The interface named in {@code META-INF/services} for this kind. */
  public Class<? extends Plugin<?>> serviceType() {
    return serviceType;
  }

  /** Values that name a plugin of this kind. */
  public ComponentType type() {
    return new ComponentType(this);
  }

  /**
   * A parameter naming a plugin of this kind; {@code defaultId} (with that plugin's own defaults)
   * is used when configuration gives none, and null makes the parameter required.
   */
  public Param<ComponentSpec> param(String name, String defaultId, String doc) {
    return Param.of(
        name, type(), defaultId == null ? null : ComponentSpec.of(this, defaultId), doc);
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
