package io.dendrite.core.param;

import io.dendrite.core.spi.PluginKind;
import java.util.Objects;

/**
 * A validated reference to a plugin: its kind, its id and values for all its declared parameters.
 *
 * <p>This is data, not an instance: the same spec creates as many fresh instances as asked, and it
 * can be written back to configuration ({@link Params#toMap()}).
 */
public record ComponentSpec(PluginKind kind, String id, Params params) {
  public ComponentSpec {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(params, "params");
  }

  @Override
  public String toString() {
    return params.isEmpty() ? id : id + params;
  }
}
