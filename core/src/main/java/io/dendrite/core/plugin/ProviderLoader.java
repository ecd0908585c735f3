package io.dendrite.core.plugin;

import io.dendrite.core.spi.Plugin;
import io.dendrite.core.spi.PluginKind;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the providers a {@link PluginJar} lists, one at a time, as {@link java.util.ServiceLoader}
 * would (a public class of the kind's interface with a public no-argument constructor), and says in
 * words why one cannot be made.
 *
 * <p>Each provider is loaded through the jar's own class loader, so every failure belongs to that
 * jar: a class missing from it, compiled for a newer Java, needing a class that neither it nor
 * Dendrite has, or a constructor that throws. One failure never stops the jar's other providers.
 */
final class ProviderLoader {
  private static final Pattern CLASS_FILE_VERSION = Pattern.compile("class file version (\\d+)");

  private ProviderLoader() {}

  /**
   * Adds what {@code jar} provides to {@code found}, and why a provider failed to {@code problems}.
   */
  static void load(PluginJar jar, List<RegisteredPlugin> found, List<PluginProblem> problems) {
    ClassLoader loader = jar.loader().orElse(null);
    if (loader == null) {
      return;
    }
    for (Map.Entry<PluginKind, List<String>> e : jar.providers().entrySet()) {
      for (String provider : e.getValue()) {
        try {
          found.add(
              new RegisteredPlugin(e.getKey(), make(e.getKey(), provider, loader), jar.source()));
        } catch (Refusal r) {
          problems.add(new PluginProblem(e.getKey(), null, jar.source(), r.getMessage()));
        }
      }
    }
  }

  /** Why a provider could not be made, in words. */
  private static final class Refusal extends Exception {
    private static final long serialVersionUID = 1L;

    Refusal(String message) {
      super(message, null, false, false);
    }
  }

  private static Plugin<?> make(PluginKind kind, String name, ClassLoader loader) throws Refusal {
    String listed =
        "class " + name + ", listed in META-INF/services/" + kind.serviceType().getName() + ",";
    Class<?> type;
    try {
      type = Class.forName(name, false, loader);
    } catch (ClassNotFoundException e) {
      throw new Refusal(listed + " is not in the jar");
    } catch (LinkageError e) {
      throw new Refusal(linkage(name, e));
    }
    if (type.getClassLoader() != loader) {
      throw new Refusal(
          listed
              + " is not in the jar but one of Dendrite's ("
              + PluginDiscovery.sourceOf(type)
              + "); list only the jar's own classes");
    }
    if (!kind.serviceType().isAssignableFrom(type)) {
      throw new Refusal("class " + name + " does not implement " + kind.serviceType().getName());
    }
    if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers())) {
      throw new Refusal(
          "class " + name + " must be public and not abstract, so that ServiceLoader can make it");
    }
    Object instance;
    try {
      Constructor<?> constructor = type.getConstructor();
      instance = constructor.newInstance();
    } catch (NoSuchMethodException e) {
      throw new Refusal(
          "class " + name + " has no public no-argument constructor, which ServiceLoader needs");
    } catch (InvocationTargetException e) {
      throw new Refusal(thrown("the constructor of " + name, e.getCause(), name));
    } catch (ExceptionInInitializerError e) {
      throw new Refusal(thrown("initializing " + name, e.getCause(), name));
    } catch (LinkageError e) {
      throw new Refusal(linkage(name, e));
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new Refusal("ServiceLoader could not make " + name + ": " + describe(e));
    }
    Plugin<?> plugin = (Plugin<?>) instance;
    try {
      // Asked once here, so that a declaration that throws is reported now, with its jar.
      plugin.id();
      plugin.aliases();
      plugin.summary();
      plugin.params();
      plugin.version();
    } catch (RuntimeException | LinkageError e) {
      throw new Refusal(thrown("declaring " + name, e, name));
    }
    return plugin;
  }

  /** The message for {@code cause}, thrown while {@code doing} something with the provider. */
  private static String thrown(String doing, Throwable cause, String provider) {
    if (cause instanceof ExceptionInInitializerError init && init.getCause() != null) {
      cause = init.getCause();
    }
    if (cause instanceof LinkageError linkage) {
      return linkage(provider, linkage);
    }
    return doing + " threw " + describe(cause);
  }

  /** Why a class of the jar could not be linked: a newer Java, or a class nobody has. */
  static String linkage(String provider, LinkageError e) {
    String message = String.valueOf(e.getMessage()).replace('/', '.');
    if (e instanceof UnsupportedClassVersionError) {
      int space = message.indexOf(' ');
      String cls = space > 0 ? message.substring(0, space) : provider;
      Matcher v = CLASS_FILE_VERSION.matcher(message);
      String java =
          v.find()
              ? "Java "
                  + (Integer.parseInt(v.group(1)) - 44)
                  + " (class file version "
                  + v.group(1)
                  + ")"
              : "a newer Java";
      return "class "
          + cls
          + " was compiled for "
          + java
          + ", newer than this Java "
          + Runtime.version().feature()
          + "; compile the plugin with --release 17 (<maven.compiler.release>17"
          + "</maven.compiler.release>) or run Dendrite on a newer Java";
    }
    if (e instanceof NoClassDefFoundError && !message.startsWith("Could not initialize")) {
      return "class "
          + provider
          + " needs "
          + message
          + ", which is neither in the jar nor part of Dendrite; put the plugin's dependencies"
          + " inside its jar (maven-shade-plugin): each plugin jar sees only itself and Dendrite";
    }
    return "class " + provider + " could not be linked: " + describe(e);
  }

  /** {@code IllegalStateException: boom}, with the causes that say more. */
  static String describe(Throwable e) {
    StringBuilder s = new StringBuilder(e.getClass().getSimpleName());
    if (e.getMessage() != null) {
      s.append(": ").append(e.getMessage());
    }
    for (Throwable c = e.getCause(); c != null && c != e; c = c.getCause()) {
      s.append(" (caused by ").append(c.getClass().getSimpleName());
      if (c.getMessage() != null) {
        s.append(": ").append(c.getMessage());
      }
      s.append(')');
      if (c.getCause() == c) {
        break;
      }
    }
    return s.toString();
  }
}
