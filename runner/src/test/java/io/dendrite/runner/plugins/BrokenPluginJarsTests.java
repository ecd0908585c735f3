package io.dendrite.runner.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.plugin.PluginProblem;
import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.core.spi.PluginKind;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way a plugin jar can be broken is reported once, with the jar's file name and the reason,
 * while every other plugin still loads; and plugin folders leave no jar open once closed.
 */
class BrokenPluginJarsTests {
  @TempDir static Path dir;
  private static Path folder;
  private static List<BrokenPluginJars.Case> cases;

  @BeforeAll
  static void writeJars() throws Exception {
    folder = dir.resolve("plugins");
    cases = BrokenPluginJars.write(folder);
    if (!BrokenPluginJars.newerJavaAvailable()) {
      System.out.println(
          "skipping the newer-Java jar: no "
              + BrokenPluginJars.JAVAC_25
              + " (or this Java is already 25 or newer)");
    }
  }

  private PluginFolder open() {
    return PluginFolder.open(List.of(folder), getClass().getClassLoader());
  }

  @Test
  void eachBrokenJarIsOneProblemNamingItsFileAndReason() {
    try (PluginFolder plugins = open()) {
      List<PluginProblem> problems = plugins.discover().problems();
      for (BrokenPluginJars.Case c : cases) {
        assertThat(problems)
            .as("problems of %s", c.file())
            .filteredOn(p -> p.source().endsWith("/" + c.file()))
            .singleElement()
            .satisfies(p -> assertThat(p.toString()).contains(c.reason()));
      }
      assertThat(problems).hasSize(cases.size());
    }
  }

  @Test
  void everyOtherPluginStillLoads() {
    try (PluginFolder plugins = open()) {
      PluginRegistry registry = plugins.discover();
      assertThat(registry.contains(PluginKind.ACTIVATION, "squareplus")).isTrue();
      assertThat(registry.contains(PluginKind.ACTIVATION, "relu")).isTrue();
      assertThat(registry.names(PluginKind.ACTIVATION))
          .doesNotContain("thrower", "needs_lib", "bundled", "future", "Bad Id")
          .contains("cubic", "twin");
      // Both claimants of an id stay registered; using it names both.
      assertThat(registry.plugins(PluginKind.ACTIVATION))
          .filteredOn(p -> p.id().equals("cubic"))
          .hasSize(2);
    }
  }

  @Test
  void theNewerJavaJarIsReportedWithItsJavaVersion() {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        BrokenPluginJars.newerJavaAvailable(),
        "needs " + BrokenPluginJars.JAVAC_25 + " to compile a jar for Java 25");
    try (PluginFolder plugins = open()) {
      assertThat(plugins.discover().problems())
          .filteredOn(p -> p.source().endsWith("/future.jar"))
          .singleElement()
          .satisfies(
              p ->
                  assertThat(p.toString())
                      .contains("org.example.future.FutureActivation$Plugin")
                      .contains("--release 17"));
    }
  }

  @Test
  void aJarForANewerJavaOnTheClassPathIsNamedNotAnUnknownSource() throws IOException {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        BrokenPluginJars.newerJavaAvailable(),
        "needs " + BrokenPluginJars.JAVAC_25 + " to compile a jar for Java 25");
    Path future = folder.resolve("future.jar");
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {future.toUri().toURL()}, getClass().getClassLoader())) {
      assertThat(PluginRegistry.discover(loader).problems())
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.source()).isEqualTo(future.toString());
                assertThat(p.message()).contains("compiled for Java 25");
              });
    }
  }

  @Test
  void openingAndClosingTheFolderAHundredTimesLeavesNoJarOpen() throws IOException {
    for (int i = 0; i < 100; i++) {
      try (PluginFolder plugins = open()) {
        assertThat(plugins.discover().contains(PluginKind.ACTIVATION, "squareplus")).isTrue();
      }
    }
    assertThat(openJarsIn(folder)).as("descriptors still open on the folder's jars").isEmpty();
  }

  /** The files under {@code folder} this process holds open, from /proc/self/fd. */
  static List<Path> openJarsIn(Path folder) throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.map(
              fd -> {
                try {
                  return Files.readSymbolicLink(fd);
                } catch (IOException e) {
                  return null; // closed while listing
                }
              })
          .filter(target -> target != null && target.startsWith(folder))
          .toList();
    }
  }
}
