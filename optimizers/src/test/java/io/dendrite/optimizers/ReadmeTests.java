package io.dendrite.optimizers;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.param.Param;
import io.dendrite.core.spi.OptimizerPlugin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The README's parameter tables say what the declarations say. */
class ReadmeTests {
  @Test
  void everyDeclaredParameterHasAMatchingRow() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("README.md"));
    for (OptimizerPlugin plugin : ServiceLoader.load(OptimizerPlugin.class)) {
      int section = lines.indexOf("## `" + plugin.id() + "`");
      assertThat(section).as("README section for %s", plugin.id()).isNotNegative();
      for (Param<?> p : plugin.params()) {
        String row =
            lines.stream()
                .skip(section)
                .filter(l -> l.startsWith("| `" + p.name() + "` |"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no README row for " + p.name()));
        String[] cells = row.split("\\|");
        assertThat(cells[2].trim()).as("type of %s", p.name()).isEqualTo(p.type().label());
        Object declared = p.defaultValue().orElseThrow();
        String shown = cells[3].trim().replace("`", "");
        if (declared instanceof Double d) {
          assertThat(Double.parseDouble(shown)).as("default of %s", p.name()).isEqualTo(d);
        } else {
          assertThat(shown).as("default of %s", p.name()).isEqualTo(declared.toString());
        }
        assertThat(cells[4].trim()).as("range of %s", p.name()).isEqualTo(p.rangeText());
        assertThat(cells[5].trim()).as("doc of %s", p.name()).isEqualTo(p.doc());
      }
    }
  }
}
