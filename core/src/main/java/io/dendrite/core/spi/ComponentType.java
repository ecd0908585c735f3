package io.dendrite.core.spi;

import io.dendrite.core.param.Param;
import io.dendrite.core.param.TextType;
import io.dendrite.core.param.ValueType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Values that name a plugin of one kind, with its parameters: an id ({@code relu}) or a mapping
 * {@code {type: id, ...}} in configuration, a {@link ComponentSpec} once validated.
 *
 * <p>The mapping may also hold {@link #settings}: keys the experiment format declares beside the
 * plugin's own parameters, which the framework reads and the plugin never sees (a metric's {@code
 * name}, an optimizer's {@code schedule}). Front ends resolve ids against the installed plugins;
 * {@link #convert} only accepts specs that are already resolved.
 */
public record ComponentType(PluginKind kind, List<Param<?>> settings)
    implements ValueType<ComponentSpec> {
  /** The key that holds the id in the mapping form. */
  public static final String TYPE_KEY = "type";

  /**
   * The setting that names an instance where several of one kind sit side by side: it becomes a
   * column of {@code metrics.csv}, so lower_snake_case.
   */
  public static final Param<String> NAME =
      Param.of("name", TextType.ANY, null, "the name of its columns and keys; default: the id")
          .matching(
              "[a-z][a-z0-9_]*",
              "a name of lower-case letters, digits and '_', starting with a letter",
              64)
          .optional();

  /** Ids of {@code kind} with {@code settings}, none of which may be called {@code type}. */
  public ComponentType {
    settings = List.copyOf(settings);
    for (Param<?> s : settings) {
      if (s.name().equals(TYPE_KEY)) {
        throw new IllegalArgumentException("'type' is the id, not a setting");
      }
    }
  }

  /** Ids of {@code kind} with no settings. */
  public ComponentType(PluginKind kind) {
    this(kind, List.of());
  }

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
    m.putAll(spec.settings().toMap());
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
