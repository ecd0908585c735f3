package io.dendrite.runner.plugins;

import io.dendrite.core.plugin.PluginProblem;
import io.dendrite.core.plugin.PluginRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Third-party plugin jars dropped into {@code plugins/} folders, loaded beside the built-in ones.
 *
 * <p>Each jar is opened once before it is used, so a file that is not a jar is reported with its
 * name instead of failing inside {@link java.util.ServiceLoader}. The jars share one class loader
 * whose parent holds Dendrite itself, so a plugin sees {@code dendrite-core} but brings its own
 * other dependencies. {@link #close()} releases every jar.
 */
public final class PluginFolder implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(PluginFolder.class);

  private final URLClassLoader loader;
  private final List<Path> jars;
  private final List<PluginProblem> problems;

  private PluginFolder(URLClassLoader loader, List<Path> jars, List<PluginProblem> problems) {
    this.loader = loader;
    this.jars = List.copyOf(jars);
    this.problems = List.copyOf(problems);
  }

  /**
   * The jars in {@code folders} (those that exist), for a loader whose parent is {@code parent}.
   */
  public static PluginFolder open(List<Path> folders, ClassLoader parent) {
    List<Path> jars = new ArrayList<>();
    List<PluginProblem> problems = new ArrayList<>();
    Set<Path> seen = new LinkedHashSet<>();
    for (Path folder : folders) {
      Path dir = folder.toAbsolutePath().normalize();
      if (!seen.add(dir) || !Files.isDirectory(dir)) {
        continue;
      }
      for (Path file : list(dir)) {
        String reason = unreadableJar(file);
        if (reason == null) {
          jars.add(file);
          log.debug("plugin jar {}", file);
        } else {
          problems.add(new PluginProblem(null, null, file.toString(), reason));
          log.warn("{}: {}", file, reason);
        }
      }
    }
    URL[] urls = new URL[jars.size()];
    for (int i = 0; i < urls.length; i++) {
      try {
        urls[i] = jars.get(i).toUri().toURL();
      } catch (MalformedURLException e) {
        throw new IllegalStateException("a file path is always a URL: " + jars.get(i), e);
      }
    }
    return new PluginFolder(new URLClassLoader("dendrite-plugins", urls, parent), jars, problems);
  }

  private static List<Path> list(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the plugin folder " + dir, e);
    }
  }

  /** Why {@code file} cannot be used as a plugin jar, or null when it can. */
  private static String unreadableJar(Path file) {
    try (JarFile jar = new JarFile(file.toFile())) {
      return null;
    } catch (IOException | SecurityException e) {
      return "not a readable jar ("
          + e.getMessage()
          + "); remove it from the plugin folder or replace it with the plugin's jar";
    }
  }

  /** The plugins of the class path and of these jars. */
  public PluginRegistry discover() {
    return PluginRegistry.discover(loader, problems);
  }

  /** The jars loaded, in order. */
  public List<Path> jars() {
    return jars;
  }

  @Override
  public void close() {
    try {
      loader.close();
    } catch (IOException e) {
      log.warn("could not close the plugin jars: {}", e.toString());
    }
  }
}
