package io.dendrite.core.plugin;

import io.dendrite.core.spi.Plugin;
import io.dendrite.core.spi.PluginKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds plugins with {@link ServiceLoader}, one kind at a time, and notes where each came from;
 * then those of third-party {@link PluginJar}s, each through its own class loader.
 *
 * <p>A provider that fails (class missing, constructor throws, compiled for a newer Java) is
 * recorded as a problem with its jar and discovery goes on with the next one. {@link
 * ServiceConfigurationError} does not say which jar a failing class was listed in, so the services
 * files are read too, to map each provider class name back to its jar. Problems are only recorded,
 * not logged: front ends report each one once.
 */
final class PluginDiscovery {
  private static final Logger log = LoggerFactory.getLogger(PluginDiscovery.class);

  /** Guards against a loader whose iterator keeps failing on the same provider. */
  private static final int MAX_FAILURES_PER_KIND = 1000;

  private PluginDiscovery() {}

  static PluginRegistry discover(ClassLoader loader, List<PluginProblem> earlier) {
    return discover(loader, List.of(), earlier);
  }

  static PluginRegistry discover(
      ClassLoader loader, List<PluginJar> jars, List<PluginProblem> earlier) {
    List<RegisteredPlugin> found = new ArrayList<>();
    List<PluginProblem> problems = new ArrayList<>(earlier);
    classPath(loader, found, problems);
    for (PluginJar jar : jars) {
      problems.addAll(jar.problems());
      ProviderLoader.load(jar, found, problems);
      log.debug("plugin jar {}", jar);
    }
    return new PluginRegistry(found, problems);
  }

  private static void classPath(
      ClassLoader loader, List<RegisteredPlugin> found, List<PluginProblem> problems) {
    for (PluginKind kind : PluginKind.values()) {
      Map<String, String> declaredIn = servicesFiles(loader, kind);
      Iterator<? extends Plugin<?>> it = ServiceLoader.load(kind.serviceType(), loader).iterator();
      int failures = 0;
      while (failures < MAX_FAILURES_PER_KIND) {
        try {
          if (!it.hasNext()) {
            break;
          }
          Plugin<?> plugin = it.next();
          String source = sourceOf(plugin.getClass());
          found.add(new RegisteredPlugin(kind, plugin, source));
          log.debug("found {} '{}' in {}", kind.id(), plugin.id(), source);
        } catch (ServiceConfigurationError | LinkageError e) {
          failures++;
          String source = blame(e, declaredIn);
          String message = describe(e);
          problems.add(new PluginProblem(kind, null, source, message));
          log.debug("{}: could not load a {} plugin: {}", source, kind.id(), message);
        }
      }
    }
  }

  /** Provider class name to the jar or folder whose services file lists it. */
  private static Map<String, String> servicesFiles(ClassLoader loader, PluginKind kind) {
    Map<String, String> declaredIn = new LinkedHashMap<>();
    try {
      var urls = loader.getResources("META-INF/services/" + kind.serviceType().getName());
      while (urls.hasMoreElements()) {
        URL url = urls.nextElement();
        // Without setUseCaches(false) the JDK keeps every jar read through a jar: URL open for
        // the life of the process, and a closed plugin folder would still hold its jars.
        URLConnection connection = url.openConnection();
        connection.setUseCaches(false);
        try (var in =
            new BufferedReader(
                new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8))) {
          String line;
          while ((line = in.readLine()) != null) {
            String name = line.replaceAll("#.*", "").trim();
            if (!name.isEmpty()) {
              declaredIn.putIfAbsent(name, sourceOf(url));
            }
          }
        }
      }
    } catch (IOException e) {
      log.warn("could not read the services files of {} plugins: {}", kind.id(), e.toString());
    }
    return declaredIn;
  }

  private static String blame(Throwable e, Map<String, String> declaredIn) {
    // A LinkageError names the class in its internal form, org/example/Foo$Plugin.
    String text =
        (e.toString() + (e.getCause() == null ? "" : " " + e.getCause())).replace('/', '.');
    String best = null;
    for (Map.Entry<String, String> entry : declaredIn.entrySet()) {
      // The longest matching name wins, so that a.B does not blame the jar of a.B$Inner.
      if (text.contains(entry.getKey())
          && (best == null || entry.getKey().length() > best.length())) {
        best = entry.getKey();
      }
    }
    return best == null ? "unknown source" : declaredIn.get(best);
  }

  private static String describe(Throwable e) {
    StringBuilder s = new StringBuilder(String.valueOf(e.getMessage()));
    Throwable cause = e.getCause();
    while (cause != null) {
      s.append(": ").append(cause.getClass().getSimpleName());
      if (cause.getMessage() != null) {
        s.append(" ").append(cause.getMessage());
      }
      cause = cause.getCause();
    }
    if (e instanceof UnsupportedClassVersionError u) {
      return ProviderLoader.linkage("its class", u);
    }
    return s.toString();
  }

  /** The jar file name or class folder that holds {@code type}. */
  static String sourceOf(Class<?> type) {
    CodeSource cs = type.getProtectionDomain().getCodeSource();
    return cs == null || cs.getLocation() == null ? "the JDK" : sourceOf(cs.getLocation());
  }

  private static String sourceOf(URL url) {
    String s = url.toString();
    int bang = s.indexOf("!/");
    if (s.startsWith("jar:") && bang > 0) {
      s = s.substring(4, bang);
    } else if (s.endsWith("META-INF/services/" + s.substring(s.lastIndexOf('/') + 1))) {
      s = s.substring(0, s.indexOf("META-INF/services/"));
    }
    if (s.startsWith("file:")) {
      try {
        return java.nio.file.Path.of(new java.net.URI(s)).toString();
      } catch (java.net.URISyntaxException | IllegalArgumentException e) {
        return s;
      }
    }
    return s;
  }
}
