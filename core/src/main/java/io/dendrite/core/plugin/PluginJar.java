package io.dendrite.core.plugin;

import io.dendrite.core.spi.PluginKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

/**
 * One third-party plugin jar, in a class loader of its own whose parent holds Dendrite.
 *
 * <p>Opening a jar reads it without running any of its code: the providers its {@code
 * META-INF/services} files list, its manifest version, and whether it bundles a copy of {@code
 * dendrite-core}. A jar that cannot be used keeps its reason in {@link #problems()} and gets no
 * class loader, so it is reported by its file name while every other jar still loads. Because each
 * jar has a loader of its own, two jars never see, nor shadow, each other's classes: a plugin sees
 * its own jar and Dendrite, nothing else. {@link #close()} releases the file.
 */
public final class PluginJar implements AutoCloseable {
  /** Where a bundled copy of dendrite-core would be. */
  static final String CORE_PREFIX = "io/dendrite/core/";

  private final Path file;
  private final String version;
  private final Map<PluginKind, List<String>> providers;
  private final List<PluginProblem> problems;
  private final URLClassLoader loader;

  private PluginJar(
      Path file,
      String version,
      Map<PluginKind, List<String>> providers,
      List<PluginProblem> problems,
      URLClassLoader loader) {
    this.file = file;
    this.version = version;
    this.providers = Collections.unmodifiableMap(providers);
    this.problems = List.copyOf(problems);
    this.loader = loader;
  }

  /**
   * Reads {@code file} and, when it is a usable plugin jar, gives it a class loader whose parent is
   * {@code framework} (the loader of Dendrite and its built-in plugins).
   */
  public static PluginJar open(Path file, ClassLoader framework) {
    Path path = file.toAbsolutePath().normalize();
    String source = path.toString();
    Map<PluginKind, List<String>> providers = new EnumMap<>(PluginKind.class);
    String version;
    List<String> bundledCore = new ArrayList<>();
    try (JarFile jar = new JarFile(path.toFile())) {
      version = version(jar.getManifest());
      for (PluginKind kind : PluginKind.values()) {
        JarEntry services = jar.getJarEntry("META-INF/services/" + kind.serviceType().getName());
        if (services != null) {
          providers.put(kind, providerNames(jar, services));
        }
      }
      Enumeration<JarEntry> entries = jar.entries();
      while (entries.hasMoreElements()) {
        String name = entries.nextElement().getName();
        if (name.startsWith(CORE_PREFIX) && name.endsWith(".class")) {
          bundledCore.add(name);
        }
      }
    } catch (IOException | SecurityException | IllegalStateException e) {
      return refused(
          path,
          "unknown",
          "not a readable jar ("
              + e.getMessage()
              + "); remove it from the plugin folder or replace it with the plugin's jar");
    }
    if (!bundledCore.isEmpty()) {
      return refused(
          path,
          version,
          "bundles its own copy of dendrite-core ("
              + bundledCore.size()
              + (bundledCore.size() == 1 ? " class" : " classes")
              + " under "
              + CORE_PREFIX
              + ", such as "
              + bundledCore.get(0)
              + "), which Dendrite provides: declare dendrite-core with <scope>provided</scope>"
              + " and keep it out of the jar; none of the jar's plugins were loaded");
    }
    if (providers.values().stream().allMatch(List::isEmpty)) {
      return refused(
          path,
          version,
          "registers no plugins: no META-INF/services/io.dendrite.core.spi.<Kind>Plugin file in"
              + " it lists a class (kinds: "
              + kindNames()
              + "); a library a plugin needs belongs inside the plugin's own jar, as each jar"
              + " sees only itself and Dendrite");
    }
    URL url;
    try {
      url = path.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalStateException("a file path is always a URL: " + source, e);
    }
    String name = path.getFileName() == null ? source : path.getFileName().toString();
    return new PluginJar(
        path, version, providers, List.of(), new URLClassLoader(name, new URL[] {url}, framework));
  }

  private static PluginJar refused(Path path, String version, String reason) {
    return new PluginJar(
        path,
        version,
        new EnumMap<>(PluginKind.class),
        List.of(new PluginProblem(null, null, path.toString(), reason)),
        null);
  }

  private static List<String> providerNames(JarFile jar, JarEntry services) throws IOException {
    List<String> names = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(jar.getInputStream(services), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        String name = line.replaceAll("#.*", "").trim();
        if (!name.isEmpty() && !names.contains(name)) {
          names.add(name);
        }
      }
    }
    return List.copyOf(names);
  }

  private static String version(Manifest manifest) {
    if (manifest == null) {
      return "unknown";
    }
    String v = manifest.getMainAttributes().getValue(Attributes.Name.IMPLEMENTATION_VERSION);
    return v == null || v.isBlank() ? "unknown" : v.trim();
  }

  private static String kindNames() {
    return java.util.Arrays.stream(PluginKind.values())
        .map(PluginKind::id)
        .collect(Collectors.joining(", "));
  }

  /** The jar, absolute. */
  public Path file() {
    return file;
  }

  /** The jar as problems and {@code dendrite plugins} name it: its absolute path. */
  public String source() {
    return file.toString();
  }

  /** The jar's {@code Implementation-Version}, or {@code unknown}. */
  public String version() {
    return version;
  }

  /** The provider classes its services files list, by kind; empty when the jar was refused. */
  public Map<PluginKind, List<String>> providers() {
    return providers;
  }

  /** Why the jar as a whole cannot be used; empty when it can (its providers may still fail). */
  public List<PluginProblem> problems() {
    return problems;
  }

  /** The jar's own class loader, unless the jar was refused. */
  public Optional<ClassLoader> loader() {
    return Optional.ofNullable(loader);
  }

  /**
   * Releases the jar file. Plugins of this jar must not be used afterwards: classes they have not
   * loaded yet can no longer be found.
   */
  @Override
  public void close() {
    if (loader != null) {
      try {
        loader.close();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException("could not close the plugin jar " + file, e);
      }
    }
  }

  @Override
  public String toString() {
    return file + " (version " + version + ")";
  }
}
