package io.dendrite.runner.cli;

import io.dendrite.core.param.Param;
import io.dendrite.core.plugin.PluginProblem;
import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.core.plugin.RegisteredPlugin;
import io.dendrite.runner.docs.ParamText;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The plugins as an aligned table, one row per plugin, sorted by kind then id. */
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
    int[] widths = new int[HEADER.size()];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder s = new StringBuilder();
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        line.append(row.get(i));
        if (i < row.size() - 1) {
          line.append(" ".repeat(widths[i] - row.get(i).length() + 2));
        }
      }
      s.append(line.toString().stripTrailing()).append('\n');
    }
    s.append('\n')
        .append(registry.plugins().size())
        .append(" plugins; types, ranges and docs: dendrite plugins --json\n");
    for (PluginProblem problem : registry.problems()) {
      s.append("problem: ").append(problem).append('\n');
    }
    return s.toString();
  }

  private static String parameters(List<Param<?>> params) {
    if (params.isEmpty()) {
      return "-";
    }
    return params.stream().map(ParamText::brief).collect(Collectors.joining(", "));
  }

  /** A jar by its file name (the full path is in the JSON); a class folder by its path. */
  private static String shortSource(String source) {
    int slash = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
    return source.endsWith(".jar") && slash >= 0 ? source.substring(slash + 1) : source;
  }
}
