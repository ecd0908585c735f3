package io.dendrite.core.spi;

import io.dendrite.core.param.Params;
import java.util.Objects;

/**
 * A validated reference to a plugin: its kind, its id and values for its declared parameters.
 *
 * <p>This is data, not an instance: the same spec creates as many fresh instances as asked, and it
 * can be written back to configuration ({@link ComponentType#toPlain}).
 *
 * @param name the instance's name where several of one kind sit side by side (metrics: {@code
 *     {type: f1, average: macro, name: f1_macro}}); the id when none was given
 */
public record ComponentSpec(PluginKind kind, String id, Params params, String name) {
  public ComponentSpec {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(params, "params");
    name = name == null ? id : name;
  }

  /** A reference named by its id. */
  public ComponentSpec(PluginKind kind, String id, Params params) {
    this(kind, id, params, null);
  }

  /**
   * A reference to {@code id} with no parameters given: the plugin's defaults apply when it is
   * created ({@link io.dendrite.core.plugin.ComponentFactory#instantiate}).
   */
  public static ComponentSpec of(PluginKind kind, String id) {
    return new ComponentSpec(kind, id, Params.empty());
  }

  /** True when the instance has a name of its own, other than its id. */
  public boolean isRenamed() {
    return !name.equals(id);
  }

  @Override
  public String toString() {
    return (isRenamed() ? name + "=" : "") + (params.isEmpty() ? id : id + params);
  }
}
