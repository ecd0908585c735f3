package io.dendrite.optimizers;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.param.Param;
import io.dendrite.core.spi.OptimizerPlugin;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.spi.PluginKind;
import io.dendrite.core.spi.SchedulePlugin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The README has a section and a parameter table for every plugin, and its tables are right.
 *
 * <p>The tables say what the declarations say. The runner's {@code ReadmeTablesTests} fills the
 * generated ones; an empty one is not filled yet, not wrong.
 */
class ReadmeTests {
  private static final Pattern PART =
      Pattern.compile("<!-- generated: ([^>]*?) -->\\n(.*?)<!-- end generated -->", Pattern.DOTALL);
  private static final Pattern CHECKED =
      Pattern.compile("<!-- checked: ids ([a-z_]+) -->\\n((?:\\|[^\\n]*\\n)+)");

  record Entry(PluginKind kind, Plugin<?> plugin) {
    @Override
    public String toString() {
      return kind.id() + " " + plugin.id();
    }
  }

  static Stream<Entry> plugins() {
    List<Entry> out = new ArrayList<>();
    for (OptimizerPlugin p : ServiceLoader.load(OptimizerPlugin.class)) {
      out.add(new Entry(PluginKind.OPTIMIZER, p));
    }
    for (SchedulePlugin p : ServiceLoader.load(SchedulePlugin.class)) {
      out.add(new Entry(PluginKind.SCHEDULE, p));
    }
    return out.stream().filter(e -> e.plugin().getClass().getName().startsWith("io.dendrite."));
  }

  private static String readme() throws IOException {
    return Files.readString(Path.of("README.md"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plugins")
  void everyPluginHasASectionWithItsParameterTable(Entry e) throws IOException {
    String text = readme();
    String heading = "### `" + e.plugin().id() + "`\n";
    int section = text.indexOf(heading);
    assertThat(section).as("README section %s", heading.trim()).isNotNegative();
    int next = text.indexOf("\n## ", section + 1);
    int nextPlugin = text.indexOf("\n### ", section + 1);
    int end =
        Math.min(next < 0 ? text.length() : next, nextPlugin < 0 ? text.length() : nextPlugin);
    String marker = "<!-- generated: params " + e.kind().id() + " " + e.plugin().id() + " -->";
    assertThat(text.substring(section, end))
        .as("%s has its params table", heading.trim())
        .contains(marker);

    Matcher m = PART.matcher(text);
    while (m.find()) {
      if (m.group(1).equals("params " + e.kind().id() + " " + e.plugin().id())
          && !m.group(2).isBlank()) {
        assertRowsMatch(e.plugin(), m.group(2));
      }
    }
  }

  @Test
  void thePluginListsAndCheckedTablesNameEveryPlugin() throws IOException {
    String text = readme();
    for (PluginKind kind : List.of(PluginKind.OPTIMIZER, PluginKind.SCHEDULE)) {
      List<String> ids =
          plugins().filter(e -> e.kind() == kind).map(e -> e.plugin().id()).sorted().toList();
      assertThat(text).contains("<!-- generated: plugins " + kind.id() + " -->\n");
      Matcher m = PART.matcher(text);
      while (m.find()) {
        if (m.group(1).equals("plugins " + kind.id()) && !m.group(2).isBlank()) {
          assertThat(firstColumn(m.group(2))).as("plugins %s", kind.id()).isEqualTo(ids);
        }
      }
      Matcher checked = CHECKED.matcher(text);
      boolean found = false;
      while (checked.find()) {
        if (checked.group(1).equals(kind.id())) {
          found = true;
          assertThat(firstColumn(checked.group(2)).stream().sorted().toList())
              .as("checked table of %s ids", kind.id())
              .isEqualTo(ids);
        }
      }
      assertThat(found).as("a checked table of %s ids", kind.id()).isTrue();
    }
  }

  /** Rows in declaration order, with the declared type and doc (the runner checks the rest). */
  private static void assertRowsMatch(Plugin<?> plugin, String table) {
    List<String> names = new ArrayList<>();
    for (String row : table.split("\n")) {
      // Cells split at the pipes Markdown sees: "\\|" is a pipe inside a cell.
      String[] cells = row.split("(?<!\\\\)\\|");
      if (cells.length < 6 || !cells[1].trim().startsWith("`")) {
        continue;
      }
      String name = cells[1].trim().replace("`", "");
      names.add(name);
      Param<?> p =
          plugin.params().stream().filter(q -> q.name().equals(name)).findFirst().orElse(null);
      assertThat(p).as("%s declares %s", plugin.id(), name).isNotNull();
      assertThat(cells[2].trim()).as("type of %s", name).isEqualTo(p.type().label());
      assertThat(cells[5].trim()).as("doc of %s", name).isEqualTo(p.doc().replace("|", "\\|"));
    }
    assertThat(names)
        .as("parameters of %s", plugin.id())
        .isEqualTo(plugin.params().stream().map(Param::name).toList());
  }

  private static List<String> firstColumn(String table) {
    List<String> ids = new ArrayList<>();
    for (String row : table.split("\n")) {
      String[] cells = row.split("\\|");
      if (cells.length > 1 && cells[1].trim().startsWith("`")) {
        ids.add(cells[1].trim().replaceAll("`([^`]*)`.*", "$1"));
      }
    }
    return ids;
  }
}
