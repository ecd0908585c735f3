package io.dendrite.core.plugin;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/** Plugin jars written by tests: sources compiled against core, packed with services files. */
final class TestJars {
  private static Map<String, byte[]> plugins;

  private TestJars() {}

  /** An activation plugin {@code org.example.p.CLS} declared {@code modifiers class}, with BODY. */
  private static String activation(String modifiers, String cls, String body) {
    return """
    package org.example.p;

    import io.dendrite.core.param.Params;
    import io.dendrite.core.spi.Activation;
    import io.dendrite.core.spi.ActivationPlugin;

    MODS class CLS implements ActivationPlugin {
      public String id() {
        return "CLS".toLowerCase();
      }

      public Activation create(Params p) {
        return null;
      }

      BODY
    }
    """
        .replace("MODS", modifiers)
        .replace("CLS", cls)
        .replace("BODY", body);
  }

  /**
   * The class files of the test plugins, compiled once: org.example.p.{Good, GoodLoss, NotAPlugin,
   * Hidden, Abstract, NoDefault, Throws, StaticFails, AfterStaticFails, CtorInitFails, Boom,
   * NeedsLib, NeedsLibStatic, DeclaresWithLib, Throws{Id,Aliases,Summary,Params,Version}} and the
   * library org.example.lib.Lib they may need.
   */
  static synchronized Map<String, byte[]> plugins() {
    if (plugins == null) {
      List<String> sources = new java.util.ArrayList<>();
      sources.add(
          activation(
              "public final",
              "Good",
              "public java.util.List<String> aliases() { return java.util.List.of(\"fine\"); }"));
      sources.add(
          """
          package org.example.p;

          public final class GoodLoss implements io.dendrite.core.spi.LossPlugin {
            public String id() {
              return "good_loss";
            }

            public io.dendrite.core.spi.Loss create(io.dendrite.core.param.Params p) {
              return null;
            }
          }
          """);
      sources.add("package org.example.p;\n\npublic final class NotAPlugin {}\n");
      sources.add(activation("final", "Hidden", ""));
      sources.add(activation("public abstract", "Abstract", ""));
      sources.add(activation("public final", "NoDefault", "public NoDefault(int x) {}"));
      sources.add(
          activation(
              "public final",
              "Throws",
              "public Throws() { throw new IllegalStateException(\"no licence key\","
                  + " new java.io.IOException(\"key.txt\")); }"));
      sources.add(
          activation(
              "public final", "StaticFails", "static final int N = Integer.parseInt(\"x\");"));
      sources.add(
          activation(
              "public final",
              "AfterStaticFails",
              "public AfterStaticFails() { new StaticFails(); }"));
      sources.add(
          activation("public final", "CtorInitFails", "public CtorInitFails() { Boom.touch(); }"));
      sources.add(
          """
          package org.example.p;

          public final class Boom {
            static final int N = Integer.parseInt("boom");

            public static void touch() {}
          }
          """);
      sources.add(
          """
          package org.example.lib;

          public final class Lib {
            public static String name() {
              return "lib";
            }
          }
          """);
      sources.add(
          activation(
              "public final", "NeedsLib", "public NeedsLib() { org.example.lib.Lib.name(); }"));
      sources.add(
          activation(
              "public final",
              "NeedsLibStatic",
              "static final String NAME = org.example.lib.Lib.name();"));
      sources.add(
          """
          package org.example.p;

          public final class DeclaresWithLib implements io.dendrite.core.spi.ActivationPlugin {
            public String id() {
              return org.example.lib.Lib.name();
            }

            public io.dendrite.core.spi.Activation create(io.dendrite.core.param.Params p) {
              return null;
            }
          }
          """);
      for (String[] m :
          new String[][] {
            {"Id", "String id"},
            {"Aliases", "java.util.List<String> aliases"},
            {"Summary", "String summary"},
            {"Params", "java.util.List<io.dendrite.core.param.Param<?>> params"},
            {"Version", "String version"}
          }) {
        String body =
            "public "
                + m[1]
                + "() { throw new UnsupportedOperationException(\"no "
                + m[0].toLowerCase()
                + "\"); }";
        String source = activation("public final", "Throws" + m[0], body);
        if (m[0].equals("Id")) {
          source = source.replaceFirst("(?s)  public String id\\(\\) \\{.*?\\}\n", "");
        }
        sources.add(source);
      }
      try {
        Path work = Files.createTempDirectory("dendrite-test-plugins");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(work)));
        plugins = compile(work, sources);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return plugins;
  }

  private static void delete(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(f);
      }
    } catch (IOException e) {
      // Only a temporary folder left behind.
    }
  }

  /** The class file of {@code org.example.p.CLS} (or of a nested class, {@code CLS$Inner}). */
  static Map<String, byte[]> classes(String... names) {
    Map<String, byte[]> some = new LinkedHashMap<>();
    for (String name : names) {
      String entry = name.replace('.', '/') + ".class";
      if (!name.contains(".")) {
        entry = "org/example/p/" + entry;
      }
      byte[] bytes = plugins().get(entry);
      if (bytes == null) {
        throw new IllegalArgumentException("no test class " + entry);
      }
      some.put(entry, bytes);
    }
    return some;
  }

  /** The class files of {@code sources} (each one public top-level class), by jar entry name. */
  static Map<String, byte[]> compile(Path work, List<String> sources) {
    try {
      Path classes = Files.createDirectories(work.resolve("classes"));
      List<String> args =
          new java.util.ArrayList<>(
              List.of(
                  "-d",
                  classes.toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  "-nowarn"));
      int i = 0;
      for (String source : sources) {
        String cls =
            source.replaceAll("(?s).*?(?:public )?(?:final |abstract )?class (\\w+).*", "$1");
        Path file = work.resolve("src" + i++).resolve(cls + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        args.add(file.toString());
      }
      int rc =
          ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new));
      if (rc != 0) {
        throw new IllegalStateException("a test plugin did not compile (javac exit " + rc + ")");
      }
      Map<String, byte[]> entries = new LinkedHashMap<>();
      try (Stream<Path> files = Files.walk(classes)) {
        for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
          entries.put(classes.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
        }
      }
      return entries;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The entries of {@code all} whose name starts with {@code prefix}. */
  static Map<String, byte[]> under(Map<String, byte[]> all, String prefix) {
    Map<String, byte[]> some = new LinkedHashMap<>();
    all.forEach(
        (k, v) -> {
          if (k.startsWith(prefix)) {
            some.put(k, v);
          }
        });
    return some;
  }

  /** A services file of {@code service} listing {@code providers}, as a jar entry. */
  static Map<String, byte[]> services(Class<?> service, String providers) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put(
        "META-INF/services/" + service.getName(), providers.getBytes(StandardCharsets.UTF_8));
    return entries;
  }

  /**
   * Writes {@code entries} (a map, or several merged) into {@code file}; with a manifest holding
   * {@code version} when it is not null, without a manifest when {@code manifest} is false.
   */
  @SafeVarargs
  static Path jar(Path file, boolean manifest, String version, Map<String, byte[]>... entries) {
    try (OutputStream os = Files.newOutputStream(file);
        JarOutputStream out =
            manifest ? new JarOutputStream(os, manifest(version)) : new JarOutputStream(os)) {
      for (Map<String, byte[]> some : entries) {
        for (Map.Entry<String, byte[]> e : some.entrySet()) {
          out.putNextEntry(new JarEntry(e.getKey()));
          out.write(e.getValue());
          out.closeEntry();
        }
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Manifest manifest(String version) {
    Manifest m = new Manifest();
    m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    if (version != null) {
      m.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, version);
    }
    return m;
  }
}
