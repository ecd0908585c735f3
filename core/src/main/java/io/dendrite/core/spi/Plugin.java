package io.dendrite.core.spi;

import io.dendrite.core.param.Param;
import io.dendrite.core.param.Params;
import java.util.List;

/**
 * What every plugin provides: a stable id, its declared parameters, and fresh instances.
 *
 * <p>Implementations are found by {@link java.util.ServiceLoader} through a {@code
 * META-INF/services} file named after the kind's interface (e.g. {@code
 * io.dendrite.core.spi.ActivationPlugin}), so they need a public no-argument constructor. A plugin
 * object is a factory and holds no training state: everything that changes during training lives in
 * the instances {@link #create(Params)} returns.
 *
 * <p>Most plugins extend their kind's {@code Base} class (for example {@link
 * ActivationPlugin.Base}) with a one-line constructor instead of implementing this interface.
 *
 * @param <T> the instance type, e.g. {@link Activation}
 */
public interface Plugin<T> {
  /** The id used in experiment files: lower_snake_case, unique within the plugin's kind. */
  String id();

  /** Other ids that name the same plugin, e.g. {@code linear} for {@code identity}. */
  default List<String> aliases() {
    return List.of();
  }

  /** One line for people: what it does. */
  default String summary() {
    return "";
  }

  /** Every parameter the plugin accepts, with its type, default, range and one-line doc. */
  default List<Param<?>> params() {
    return List.of();
  }

  /**
   * The version of the plugin, for provenance: by default the {@code Implementation-Version} of its
   * jar's manifest, or {@code unknown} when it has none (classes in a folder).
   */
  default String version() {
    Package p = getClass().getPackage();
    String v = p == null ? null : p.getImplementationVersion();
    return v == null || v.isBlank() ? "unknown" : v;
  }

  /**
   * Values for parameters that were left out and whose default depends on the others, by name:
   * {@code dense} picks its initializer from its activation. Front ends add them before the run, so
   * that the resolved experiment records them; {@link #create} must cope without them too.
   * Components are given as {@link ComponentSpec}s with no parameters (their own defaults apply).
   */
  default java.util.Map<String, Object> derivedDefaults(Params params) {
    return java.util.Map.of();
  }

  /**
   * A new, independent instance configured by {@code params} (validated against {@link #params()}).
   */
  T create(Params params);
}
