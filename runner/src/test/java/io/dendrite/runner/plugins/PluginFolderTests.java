package io.dendrite.runner.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.core.spi.PluginKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginFolderTests {
  @TempDir Path dir;

  @Test
  void loadsJarsBesideTheBuiltInPluginsAndReportsFilesThatAreNoJars() throws IOException {
    Path plugins = dir.resolve("plugins");
    Path jar = PluginJars.squareplus(plugins);
    Files.writeString(plugins.resolve("notes.jar"), "these are not classes");
    try (PluginFolder folder =
        PluginFolder.open(List.of(plugins, dir.resolve("absent")), getClass().getClassLoader())) {
      PluginRegistry registry = folder.discover();
      assertThat(registry.require(PluginKind.ACTIVATION, "squareplus").source())
          .isEqualTo(jar.toString());
      assertThat(registry.contains(PluginKind.ACTIVATION, "relu")).isTrue();
      assertThat(registry.problems())
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.source()).endsWith("notes.jar");
                assertThat(p.message()).startsWith("not a readable jar");
              });
      assertThat(folder.jars()).containsExactly(jar);
    }
  }

  @Test
  void openingAndClosingManyTimesLeavesNoJarOpen() throws IOException {
    Path plugins = dir.resolve("plugins");
    Path jar = PluginJars.squareplus(plugins);
    long before = openFiles();
    for (int i = 0; i < 200; i++) {
      cycle(plugins);
    }
    // The JDK shares one descriptor between every open JarFile of a file, so a leak shows as
    // that file still being open, not as a growing count.
    assertThat(openFilesPointingTo(jar)).as("descriptors still open on the jar").isZero();
    assertThat(openFiles() - before).as("descriptors gained over 200 cycles").isLessThan(10);
  }

  private void cycle(Path plugins) {
    try (PluginFolder folder = PluginFolder.open(List.of(plugins), getClass().getClassLoader())) {
      assertThat(folder.discover().contains(PluginKind.ACTIVATION, "squareplus")).isTrue();
    }
  }

  private static long openFilesPointingTo(Path file) throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.filter(
              fd -> {
                try {
                  return Files.readSymbolicLink(fd).equals(file);
                } catch (IOException e) {
                  return false; // closed while listing
                }
              })
          .count();
    }
  }

  private static long openFiles() throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.count();
    }
  }
}
