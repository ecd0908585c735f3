package io.dendrite.runner.plugins;

import io.dendrite.core.plugin.PluginJar;
import io.dendrite.core.plugin.PluginProblem;
import io.dendrite.core.plugin.PluginRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Third-party plugin jars from {@code plugins/} folders (or named one by one), loaded beside the
 * built-in ones.
 *
 * <p>Every {@code .jar} of a folder is opened as a {@link PluginJar}: in a class loader of its own
 * whose parent holds Dendrite, so that a plugin sees {@code dendrite-core} and brings its other
 * dependencies inside its jar, and two jars cannot shadow each other's classes. A jar that cannot
 * be used is reported by its file name and every other one still loads. {@link #close()} releases
 * every jar.
 */
public final class PluginFolder implements InstalledPlugins {
  private static final Logger log = LoggerFactory.getLogger(PluginFolder.class);

  private final ClassLoader parent;
  private final List<Path> searched;
  private final List<PluginJar> jars;
  private final List<PluginProblem> problems;
  private PluginRegistry registry;

  private PluginFolder(
      ClassLoader parent, List<Path> searched, List<PluginJar> jars, List<PluginProblem> problems) {
    this.parent = parent;
    this.searched = List.copyOf(searched);
    this.jars = List.copyOf(jars);
    this.problems = List.copyOf(problems);
  }

  /**
   * The jars in {@code folders} (those that exist; an entry may also be a jar itself), each with a
   * loader whose parent is {@code parent}.
   */
  public static PluginFolder open(List<Path> folders, ClassLoader parent) {
    Set<Path> searched = new LinkedHashSet<>();
    Set<Path> files = new LinkedHashSet<>();
    List<PluginProblem> problems = new ArrayList<>();
    for (Path folder : folders) {
      Path dir = folder.toAbsolutePath().normalize();
      if (!searched.add(dir)) {
        continue;
      }
      if (Files.isDirectory(dir)) {
        try {
          files.addAll(list(dir));
        } catch (IOException | UncheckedIOException e) {
          problems.add(
              new PluginProblem(
                  null, null, dir.toString(), "cannot list the plugin folder: " + e.getMessage()));
        }
      } else if (Files.isRegularFile(dir)) {
        files.add(dir);
      }
    }
    List<PluginJar> jars = new ArrayList<>();
    for (Path file : files) {
      jars.add(PluginJar.open(file, parent));
    }
    log.debug("plugin folders {}: {} jars", searched, files.size());
    return new PluginFolder(parent, new ArrayList<>(searched), jars, problems);
  }

  private static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".jar"))
          .map(f -> f.toAbsolutePath().normalize())
          .sorted()
          .toList();
    }
  }

  /** The plugins of the class path and of these jars, found once. */
  public synchronized PluginRegistry discover() {
    if (registry == null) {
      registry = PluginRegistry.discover(parent, jars, problems);
    }
    return registry;
  }

  @Override
  public PluginRegistry registry() {
    return discover();
  }

  @Override
  public List<Path> searched() {
    return searched;
  }

  /** The jars loaded, in order: those found, less those refused as a whole. */
  public List<Path> jars() {
    return jars.stream().filter(j -> j.loader().isPresent()).map(PluginJar::file).toList();
  }

  @Override
  public void close() {
    for (PluginJar jar : jars) {
      try {
        jar.close();
      } catch (UncheckedIOException e) {
        log.debug("could not close {}: {}", jar.file(), e.toString());
      }
    }
  }
}
