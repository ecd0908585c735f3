package io.dendrite.core.spi;

import io.dendrite.core.param.Param;
import io.dendrite.core.param.Params;
import java.util.Objects;

/**
 * A validated reference to a plugin: its kind, its id, values for its declared parameters, and the
 * experiment format's own settings for it.
 *
 * <p>This is data, not an instance: the same spec creates as many fresh instances as asked, and it
 * can be written back to configuration ({@link ComponentType#toPlain}).
 *
 * @param params the plugin's parameters, as it declares them
 * @param settings keys the format puts beside the parameters, for the framework rather than the
 *     plugin ({@link ComponentType#settings()}): a metric's {@code name}, an optimizer's {@code
 *     schedule}; empty when there are none
 */
public record ComponentSpec(PluginKind kind, String id, Params params, Params settings) {
  /** A reference to {@code id} of {@code kind}; no component may be null. */
  public ComponentSpec {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(params, "params");
    Objects.requireNonNull(settings, "settings");
  }

  /** A reference with no settings. */
  public ComponentSpec(PluginKind kind, String id, Params params) {
    this(kind, id, params, Params.empty());
  }

  /**
   * A reference to {@code id} with no parameters given: the plugin's defaults apply when it is
   * created ({@link io.dendrite.core.plugin.ComponentFactory#instantiate}).
   */
  public static ComponentSpec of(PluginKind kind, String id) {
    return new ComponentSpec(kind, id, Params.empty());
  }

  /**
   * The instance's name where several of one kind sit side by side: the {@link ComponentType#NAME}
   * setting when given ({@code {type: f1, name: f1_macro}}), else the id.
   */
  public String name() {
    return setting(ComponentType.NAME).orElse(id);
  }

  /** The value of a setting, if the format declares it for this component and it has one. */
  public <T> java.util.Optional<T> setting(Param<T> setting) {
    return settings.declared().contains(setting) && settings.has(setting)
        ? java.util.Optional.of(settings.get(setting))
        : java.util.Optional.empty();
  }

  @Override
  public String toString() {
    return (settings.isEmpty() ? "" : settings + " ") + (params.isEmpty() ? id : id + params);
  }
}
