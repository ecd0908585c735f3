package io.dendrite.runner.cli;

import io.dendrite.core.param.Param;
import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.core.plugin.RegisteredPlugin;
import io.dendrite.runner.docs.ParamText;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The plugins as an aligned table, one row per plugin, sorted by kind then id, with each
 * parameter's default, range or choices.
 */
final class PluginTable {
  private static final List<String> HEADER =
      List.of("KIND", "ID", "ALIASES", "PARAMETERS", "SOURCE");

  private PluginTable() {}

  static String write(PluginRegistry registry) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(HEADER);
    for (RegisteredPlugin p : registry.plugins()) {
      rows.add(
          List.of(
              p.kind().id(),
              p.id(),
              p.plugin().aliases().isEmpty() ? "-" : String.join(",", p.plugin().aliases()),
              parameters(p.plugin().params()),
              shortSource(p.source())));
    }
    StringBuilder s = new StringBuilder(TextTable.format(rows, ""));
    s.append('\n')
        .append(registry.plugins().size())
        .append(" plugins; one in full: dendrite plugins describe ID; problems: dendrite plugins")
        .append(" doctor\n");
    return s.toString();
  }

  private static String parameters(List<Param<?>> params) {
    if (params.isEmpty()) {
      return "-";
    }
    return params.stream().map(PluginTable::parameter).collect(Collectors.joining(", "));
  }

  /**
   * {@code learning_rate=0.001 (> 0)}, {@code split=train (train|test|all)}, {@code units
   * (required, >= 1)}: the default and what is allowed, in a few characters.
   */
  static String parameter(Param<?> p) {
    String limits = !p.choices().isEmpty() ? String.join("|", p.choices()) : p.rangeText();
    String brief = ParamText.brief(p);
    if (limits.isEmpty()) {
      return brief;
    }
    return brief.endsWith(")")
        ? brief.substring(0, brief.length() - 1) + ", " + limits + ")"
        : brief + " (" + limits + ")";
  }

  /** A jar by its file name (the full path is in the JSON); a class folder by its path. */
  static String shortSource(String source) {
    int slash = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
    return source.endsWith(".jar") && slash >= 0 ? source.substring(slash + 1) : source;
  }
}
