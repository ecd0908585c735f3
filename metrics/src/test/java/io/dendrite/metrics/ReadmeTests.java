package io.dendrite.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.spi.MetricPlugin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * The README has a section for every registered metric, holding the generated table of its
 * parameters; the runner's {@code ReadmeTablesTests} fills the tables, this test fails early, in
 * this module, when a metric is added without its section.
 */
class ReadmeTests {
  @Test
  void everyMetricHasASectionWithItsGeneratedParameterTable() throws IOException {
    String text = Files.readString(Path.of("README.md"));
    assertThat(text).contains("<!-- generated: plugins metric -->\n");
    int count = 0;
    for (MetricPlugin p : ServiceLoader.load(MetricPlugin.class)) {
      // A section of its own, or a subsection of metrics described together.
      int section =
          Math.max(
              text.indexOf("\n## `" + p.id() + "`\n"), text.indexOf("\n### `" + p.id() + "`\n"));
      int next = text.indexOf("\n#", section + 1);
      String marker = "<!-- generated: params metric " + p.id() + " -->\n";
      int table = text.indexOf(marker);
      assertThat(section).as("README section for %s", p.id()).isNotNegative();
      assertThat(table)
          .as("generated parameter table of %s, in its section", p.id())
          .isGreaterThan(section)
          .isLessThan(next < 0 ? text.length() : next);
      assertThat(text.indexOf("<!-- end generated -->", table))
          .as("end of the generated table of %s", p.id())
          .isGreaterThan(table)
          .isLessThan(next < 0 ? text.length() : next);
      count++;
    }
    assertThat(count).isEqualTo(12);
  }

  @Test
  void showsTheYamlOfSeveralNamedMetrics() throws IOException {
    assertThat(Files.readString(Path.of("README.md")))
        .contains(
            "metrics: [accuracy, {type: f1, average: macro, name: f1_macro}, confusion_matrix]");
  }
}
