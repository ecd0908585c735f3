package io.dendrite.core.spi;

import io.dendrite.core.param.ValueType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Values that name a plugin of one kind, with its parameters: an id ({@code relu}) or a mapping
 * {@code {type: id, ...}} in configuration, a {@link ComponentSpec} once validated.
 *
 * <p>Front ends resolve ids against the installed plugins; {@link #convert} only accepts specs that
 * are already resolved.
 *
 * @param named whether each value may carry a {@code name} of its own beside {@code type}
 */
public record ComponentType(PluginKind kind, boolean named) implements ValueType<ComponentSpec> {
  /** The key that holds the id in the mapping form. */
  public static final String TYPE_KEY = "type";

  /** The key that holds the instance name, where {@link #named} allows it. */
  public static final String NAME_KEY = "name";

  @Override
  public ComponentSpec convert(Object raw) {
    if (raw instanceof ComponentSpec spec && spec.kind() == kind) {
      return spec;
    }
    String found =
        raw instanceof ComponentSpec c
            ? c.kind().withArticle() + " '" + c.id() + "'"
            : raw instanceof String s ? "\"" + s + "\" (text)" : String.valueOf(raw);
    throw new IllegalArgumentException("expected " + expectation() + ", found " + found);
  }

  @Override
  public Object toPlain(ComponentSpec spec) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(TYPE_KEY, spec.id());
    if (named && spec.isRenamed()) {
      m.put(NAME_KEY, spec.name());
    }
    m.putAll(spec.params().toMap());
    return m;
  }

  @Override
  public String expectation() {
    return kind.withArticle() + " id or {type: id, ...}";
  }

  @Override
  public String label() {
    return kind.id();
  }

  @Override
  public String plural() {
    return kind.id() + " ids";
  }
}
