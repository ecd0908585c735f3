package io.dendrite.runner.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.spi.PluginKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code PLUGINS.md} shows the example plugin project file for file: each code block marked {@code
 * <!-- file: PATH -->} is that file as it is, and every file of the project is shown. The build
 * compiles and tests the project (module {@code plugin-it}), so the guide's code does what it says.
 * Run with {@code -Ddendrite.writeGuide=true} to copy the files into the guide after changing them.
 */
class PluginGuideTests {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path GUIDE = ROOT.resolve("PLUGINS.md");
  private static final Path EXAMPLE = ROOT.resolve("examples/plugin-example");
  private static final Pattern BLOCK =
      Pattern.compile("<!-- file: (\\S+) -->\\n```(\\w*)\\n(.*?)```\\n", Pattern.DOTALL);

  @Test
  void everyFileOfTheExampleIsInTheGuideAsItIs() throws IOException {
    String guide = Files.readString(GUIDE, StandardCharsets.UTF_8);
    Matcher m = BLOCK.matcher(guide);
    StringBuilder filled = new StringBuilder();
    List<String> shown = new ArrayList<>();
    List<String> stale = new ArrayList<>();
    while (m.find()) {
      String path = m.group(1);
      shown.add(path);
      String file = Files.readString(ROOT.resolve(path), StandardCharsets.UTF_8);
      if (!file.equals(m.group(3))) {
        stale.add(path);
      }
      m.appendReplacement(
          filled,
          Matcher.quoteReplacement(
              "<!-- file: " + path + " -->\n```" + m.group(2) + "\n" + file + "```\n"));
    }
    m.appendTail(filled);
    if (Boolean.getBoolean("dendrite.writeGuide") && !stale.isEmpty()) {
      Files.writeString(GUIDE, filled.toString(), StandardCharsets.UTF_8);
      stale.clear();
    }
    assertThat(stale)
        .as(
            "code in PLUGINS.md that differs from the file it shows; copy the files in with"
                + " ./mvnw -pl runner test -Dtest=PluginGuideTests -Ddendrite.writeGuide=true")
        .isEmpty();
    assertThat(new TreeSet<>(shown)).as("files shown in PLUGINS.md").isEqualTo(projectFiles());
  }

  @Test
  void everyKindHasASection() throws IOException {
    String guide = Files.readString(GUIDE, StandardCharsets.UTF_8);
    for (PluginKind kind : PluginKind.values()) {
      assertThat(guide).contains("\n### " + kind.id() + "\n");
    }
  }

  /** The example project's sources, POM and experiment, as paths from the repository root. */
  private static TreeSet<String> projectFiles() throws IOException {
    TreeSet<String> files = new TreeSet<>();
    try (Stream<Path> all = Files.walk(EXAMPLE)) {
      all.filter(Files::isRegularFile)
          .map(f -> EXAMPLE.relativize(f).toString().replace('\\', '/'))
          .filter(f -> f.startsWith("src/") || f.equals("pom.xml") || f.equals("experiment.yaml"))
          .forEach(f -> files.add("examples/plugin-example/" + f));
    }
    return files;
  }
}
