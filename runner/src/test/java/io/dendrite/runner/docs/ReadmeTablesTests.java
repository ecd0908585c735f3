package io.dendrite.runner.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dendrite.core.plugin.PluginRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every README's tables of ids and parameters say what the declarations say: they are generated
 * from them. Run with {@code -Ddendrite.writeReadmes=true} to rewrite them after changing a
 * declaration.
 */
class ReadmeTablesTests {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  private static List<Path> readmes() throws IOException {
    List<Path> files = new ArrayList<>();
    files.add(ROOT.resolve("README.md"));
    try (Stream<Path> modules = Files.list(ROOT)) {
      modules
          .map(m -> m.resolve("README.md"))
          .filter(Files::isRegularFile)
          .sorted()
          .forEach(files::add);
    }
    return files;
  }

  @Test
  void everyGeneratedTableMatchesTheDeclarations() throws IOException {
    ReadmeTables tables = new ReadmeTables(PluginRegistry.discover(getClass().getClassLoader()));
    boolean write = Boolean.getBoolean("dendrite.writeReadmes");
    int parts = 0;
    for (Path file : readmes()) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      String filled = tables.fill(text);
      parts += text.split("<!-- generated: ", -1).length - 1;
      if (write && !filled.equals(text)) {
        Files.writeString(file, filled, StandardCharsets.UTF_8);
        continue;
      }
      assertThat(tables.checkIdTables(text)).as("%s", ROOT.relativize(file)).isEmpty();
      assertThat(filled)
          .as(
              "%s is out of date with the declarations; rewrite it with ./mvnw -pl runner test"
                  + " -Dtest=ReadmeTablesTests -Ddendrite.writeReadmes=true",
              ROOT.relativize(file))
          .isEqualTo(text);
    }
    assertThat(parts).as("generated parts in the READMEs").isGreaterThanOrEqualTo(12);
  }

  @Test
  void aTableIsRegeneratedFromTheDeclarationNotKeptAsWritten() {
    ReadmeTables tables = new ReadmeTables(PluginRegistry.discover(getClass().getClassLoader()));
    String stale =
        "x\n<!-- generated: params optimizer sgd -->\n| made up |\n<!-- end generated -->\ny\n";
    String filled = tables.fill(stale);
    assertThat(filled)
        .startsWith("x\n<!-- generated: params optimizer sgd -->\n| parameter | type |")
        .contains("| `learning_rate` | number | `0.01` | > 0 | step size |")
        .endsWith("<!-- end generated -->\ny\n")
        .doesNotContain("made up");
    assertThatThrownBy(
            () -> tables.fill("<!-- generated: params optimizer sdg -->\n<!-- end generated -->"))
        .hasMessageContaining("unknown optimizer 'sdg'");
  }

  @Test
  void aHandWrittenTableOfIdsMustListExactlyTheDeclaredOnes() {
    ReadmeTables tables = new ReadmeTables(PluginRegistry.discover(getClass().getClassLoader()));
    String table =
        "<!-- checked: ids optimizer -->\n| id | aliases | what |\n|---|---|---|\n"
            + "| `sgd` | | plain |\n| `adam` | `adaptive` | moments |\n";
    assertThat(tables.checkIdTables(table))
        .contains("optimizer 'adam': the table gives aliases [adaptive], the plugin declares []");
    assertThat(tables.checkIdTables(table.replace("| `sgd` | | plain |\n", "")))
        .first()
        .asString()
        .startsWith("the table of optimizer ids lists [adam] but the plugins are");
  }
}
