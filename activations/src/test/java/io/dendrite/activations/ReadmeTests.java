package io.dendrite.activations;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.spi.ActivationPlugin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README lists every activation: its formula table has exactly the declared ids and aliases,
 * and each activation with parameters has a section with a generated table of them.
 *
 * <p>The runner's {@code ReadmeTablesTests} fills the generated tables; this test fails early, in
 * this module, when an activation is added without its README entries.
 */
class ReadmeTests {
  private static final Pattern CODE = Pattern.compile("`([^`]+)`");

  @Test
  void theFormulaTableListsExactlyTheDeclaredIdsAndAliases() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("README.md"));
    int start = lines.indexOf("<!-- checked: ids activation -->");
    assertThat(start).as("the checked table of ids").isNotNegative();
    List<String> header = cells(lines.get(start + 1));
    assertThat(header).startsWith("id", "aliases");
    Map<String, List<String>> written = new TreeMap<>();
    for (int i = start + 3; i < lines.size() && lines.get(i).startsWith("|"); i++) {
      List<String> cells = cells(lines.get(i));
      written.put(codes(cells.get(0)).get(0), codes(cells.get(1)));
    }
    Map<String, List<String>> declared = new TreeMap<>();
    ServiceLoader.load(ActivationPlugin.class).forEach(p -> declared.put(p.id(), p.aliases()));
    assertThat(written).isEqualTo(declared);
  }

  @Test
  void everyActivationWithParametersHasASectionWithItsGeneratedTable() throws IOException {
    String text = Files.readString(Path.of("README.md"));
    assertThat(text).contains("<!-- generated: plugins activation -->\n");
    Map<String, Integer> sections = new LinkedHashMap<>();
    for (ActivationPlugin p : ServiceLoader.load(ActivationPlugin.class)) {
      if (p.params().isEmpty()) {
        continue;
      }
      int section = text.indexOf("\n## `" + p.id() + "`");
      int table = text.indexOf("<!-- generated: params activation " + p.id() + " -->\n");
      int next = text.indexOf("\n## ", section + 1);
      assertThat(section).as("README section for %s", p.id()).isNotNegative();
      assertThat(table)
          .as("generated parameter table of %s, in its section", p.id())
          .isGreaterThan(section)
          .isLessThan(next < 0 ? text.length() : next);
      sections.put(p.id(), section);
    }
    assertThat(sections).isNotEmpty();
  }

  private static List<String> cells(String row) {
    String[] parts = row.split("\\|", -1);
    List<String> out = new ArrayList<>();
    for (int i = 1; i < parts.length - 1; i++) {
      out.add(parts[i].trim());
    }
    return out;
  }

  private static List<String> codes(String cell) {
    List<String> out = new ArrayList<>();
    Matcher m = CODE.matcher(cell);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
