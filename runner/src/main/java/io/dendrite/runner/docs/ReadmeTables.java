package io.dendrite.runner.docs;

import io.dendrite.core.experiment.Experiment;
import io.dendrite.core.param.ListType;
import io.dendrite.core.param.Param;
import io.dendrite.core.param.SectionType;
import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.core.plugin.RegisteredPlugin;
import io.dendrite.core.spi.ComponentType;
import io.dendrite.core.spi.PluginKind;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the generated parts of a README from the declarations, so that no table of ids or
 * parameters is ever typed by hand.
 *
 * <p>A generated part sits between {@code <!-- generated: WHAT -->} and {@code <!-- end generated
 * -->}, where WHAT is one of:
 *
 * <ul>
 *   <li>{@code params KIND ID}: the parameters of one plugin;
 *   <li>{@code plugins KIND}: the plugins of a kind with their aliases and summaries;
 *   <li>{@code format}: every key of the experiment format, sections included.
 * </ul>
 *
 * <p>A table written by hand because it says more than the declarations (formulas, say) is marked
 * {@code <!-- checked: ids KIND -->}: {@link #checkIdTables} then makes sure its first column lists
 * exactly the ids of that kind, and its {@code aliases} column, if any, their aliases.
 */
public final class ReadmeTables {
  private static final Pattern CHECKED =
      Pattern.compile("<!-- checked: ids ([a-z_]+) -->\\n((?:\\|[^\\n]*\\n)+)");
  private static final Pattern CODE = Pattern.compile("`([^`]+)`");

  private static final Pattern PART =
      Pattern.compile(
          "(<!-- generated: ([^>]*?) -->\\n)(.*?)(<!-- end generated -->)", Pattern.DOTALL);

  private final PluginRegistry registry;

  public ReadmeTables(PluginRegistry registry) {
    this.registry = registry;
  }

  /** {@code text} with every generated part regenerated. */
  public String fill(String text) {
    Matcher m = PART.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String body = generate(m.group(2).trim());
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + body + m.group(4)));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** What is wrong with the hand-written tables of ids in {@code text}; empty when nothing. */
  public List<String> checkIdTables(String text) {
    List<String> problems = new java.util.ArrayList<>();
    Matcher m = CHECKED.matcher(text);
    while (m.find()) {
      PluginKind kind =
          PluginKind.byId(m.group(1))
              .orElseThrow(() -> new IllegalArgumentException("unknown kind " + m.group(1)));
      String[] rows = m.group(2).split("\n");
      List<String> header = cells(rows[0]);
      int aliasColumn = header.indexOf("aliases");
      java.util.Map<String, List<String>> written = new java.util.LinkedHashMap<>();
      for (int r = 2; r < rows.length; r++) {
        List<String> cells = cells(rows[r]);
        written.put(
            codes(cells.get(0)).get(0), aliasColumn < 0 ? null : codes(cells.get(aliasColumn)));
      }
      java.util.Map<String, List<String>> declared = new java.util.LinkedHashMap<>();
      registry.plugins(kind).forEach(p -> declared.put(p.id(), p.plugin().aliases()));
      if (!new java.util.TreeSet<>(written.keySet())
          .equals(new java.util.TreeSet<>(declared.keySet()))) {
        problems.add(
            "the table of "
                + kind.id()
                + " ids lists "
                + written.keySet()
                + " but the plugins are "
                + declared.keySet());
      }
      written.forEach(
          (id, aliases) -> {
            if (aliases != null && declared.containsKey(id) && !aliases.equals(declared.get(id))) {
              problems.add(
                  kind.id()
                      + " '"
                      + id
                      + "': the table gives aliases "
                      + aliases
                      + ", the plugin declares "
                      + declared.get(id));
            }
          });
    }
    return problems;
  }

  private static List<String> cells(String row) {
    String[] parts = row.split("\\|", -1);
    List<String> out = new java.util.ArrayList<>();
    for (int i = 1; i < parts.length - 1; i++) {
      out.add(parts[i].trim());
    }
    return out;
  }

  private static List<String> codes(String cell) {
    List<String> out = new java.util.ArrayList<>();
    Matcher c = CODE.matcher(cell);
    while (c.find()) {
      out.add(c.group(1));
    }
    return out;
  }

  private String generate(String what) {
    String[] words = what.split("\\s+");
    switch (words[0]) {
      case "params" -> {
        RegisteredPlugin p = registry.require(kind(words, what), word(words, 2, what));
        return p.plugin().params().isEmpty()
            ? "No parameters.\n"
            : ParamText.markdownTable(p.plugin().params(), "parameter");
      }
      case "plugins" -> {
        StringBuilder s = new StringBuilder("| id | aliases | what |\n|---|---|---|\n");
        for (RegisteredPlugin p : registry.plugins(kind(words, what))) {
          s.append("| `")
              .append(p.id())
              .append("` | ")
              .append(
                  p.plugin().aliases().isEmpty()
                      ? ""
                      : "`" + String.join("`, `", p.plugin().aliases()) + "`")
              .append(" | ")
              .append(p.plugin().summary().replace("|", "\\|"))
              .append(" |\n");
        }
        return s.toString();
      }
      case "format" -> {
        StringBuilder s =
            new StringBuilder("| key | type | default | range | doc |\n|---|---|---|---|---|\n");
        formatRows(Experiment.FORMAT, "", s);
        return s.toString();
      }
      default -> throw new IllegalArgumentException("unknown generated part '" + what + "'");
    }
  }

  private static void formatRows(List<Param<?>> params, String prefix, StringBuilder s) {
    for (Param<?> p : params) {
      s.append("| `")
          .append(prefix)
          .append(p.name())
          .append("` | ")
          .append(ParamText.type(p))
          .append(" | ")
          .append(ParamText.defaultCell(p))
          .append(" | ")
          .append(ParamText.cell(ParamText.limits(p)))
          .append(" | ")
          .append(ParamText.cell(p.doc()))
          .append(" |\n");
      if (p.type() instanceof SectionType section) {
        formatRows(section.params(), prefix + p.name() + ".", s);
      }
      if (p.type() instanceof ComponentType c) {
        formatRows(c.settings(), prefix + p.name() + ".", s);
      }
      if (p.type() instanceof ListType<?> list && list.element() instanceof ComponentType c) {
        formatRows(c.settings(), prefix + p.name() + "[].", s);
      }
    }
  }

  private static PluginKind kind(String[] words, String what) {
    String id = word(words, 1, what);
    return PluginKind.byId(id)
        .orElseThrow(() -> new IllegalArgumentException("unknown kind '" + id + "' in " + what));
  }

  private static String word(String[] words, int i, String what) {
    if (words.length <= i) {
      throw new IllegalArgumentException("generated part '" + what + "' is incomplete");
    }
    return words[i];
  }
}
