package io.dendrite.runner.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/**
 * Real third-party plugin jars for tests, compiled from source against dendrite-core: good ones,
 * and each way a jar can be broken.
 */
public final class PluginJars {
  /** The service file of activation plugins. */
  public static final String ACTIVATION = "io.dendrite.core.spi.ActivationPlugin";

  private PluginJars() {}

  /** A jar with the activation {@code squareplus}, written as a third party would write it. */
  public static Path squareplus(Path folder) {
    return build(
        folder,
        "squareplus",
        List.of(activation("org.example.squareplus", "SquareplusActivation", "squareplus", "")),
        ACTIVATION,
        "org.example.squareplus.SquareplusActivation$Plugin\n");
  }

  /**
   * The source of an activation {@code pkg.cls} with the id {@code id}, a parameter {@code b}, and
   * {@code constructorBody} run by its plugin's constructor before declaring itself.
   */
  public static String activation(String pkg, String cls, String id, String constructorBody) {
    return """
        package PKG;

        import io.dendrite.core.param.Param;
        import io.dendrite.core.spi.ActivationPlugin;
        import io.dendrite.core.spi.support.ElementwiseActivation;

        /** (x + sqrt(x^2 + b)) / 2: a smooth relu made of a square root. */
        public final class CLS extends ElementwiseActivation {
          static final Param<Double> B =
              Param.number("b", 4.0, "smoothness near 0").greaterThan(0);

          public static final class Plugin extends ActivationPlugin.Base {
            public Plugin() {
              super(
                  body(declare("ID", "(x + sqrt(x^2 + b)) / 2, a smooth relu").params(B)),
                  p -> new CLS(p.get(B)));
            }

            private static Declaration body(Declaration d) {
              BODY
              return d;
            }
          }

          private final double b;

          CLS(double b) {
            this.b = b;
          }

          @Override
          protected double apply(double x) {
            return (x + Math.sqrt(x * x + b)) / 2;
          }

          @Override
          protected double derivative(double x, double y) {
            return (1 + x / Math.sqrt(x * x + b)) / 2;
          }
        }
        """
        .replace("PKG", pkg)
        .replace("CLS", cls)
        .replace("ID", id)
        .replace("BODY", constructorBody);
  }

  /** Compiles {@code sources} and packs them with one services file into {@code name}.jar. */
  public static Path build(
      Path folder, String name, List<String> sources, String service, String providers) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("META-INF/services/" + service, providers.getBytes(StandardCharsets.UTF_8));
    entries.putAll(compile(sources, null, "17"));
    return jar(folder.resolve(name + ".jar"), null, entries);
  }

  /**
   * The class files of {@code sources}, by jar entry name, compiled against dendrite-core with
   * {@code --release release}; by the {@code javac} executable when given, else in this JVM.
   */
  public static Map<String, byte[]> compile(List<String> sources, Path javac, String release) {
    try {
      Path work = Files.createTempDirectory("plugin-build");
      Path classes = Files.createDirectories(work.resolve("classes"));
      List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "--release", release));
      args.addAll(List.of("-cp", System.getProperty("java.class.path"), "-nowarn"));
      for (String source : sources) {
        String pkg = source.replaceAll("(?s)^\\s*package ([\\w.]+);.*", "$1");
        String cls = source.replaceAll("(?s).*?public (?:final )?class (\\w+).*", "$1");
        Path file = work.resolve("src").resolve(pkg.replace('.', '/')).resolve(cls + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        args.add(file.toString());
      }
      int rc;
      if (javac == null) {
        rc =
            ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new));
      } else {
        List<String> command = new ArrayList<>(List.of(javac.toString()));
        command.addAll(args);
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
          p.destroyForcibly();
          throw new IllegalStateException(javac + " did not finish");
        }
        rc = p.exitValue();
      }
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
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Writes {@code entries} into the jar {@code file}, with {@code version} in its manifest. */
  public static Path jar(Path file, String version, Map<String, byte[]> entries) {
    try {
      Files.createDirectories(file.getParent());
      Manifest manifest = new Manifest();
      manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
      if (version != null) {
        manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, version);
      }
      try (OutputStream os = Files.newOutputStream(file);
          JarOutputStream out = new JarOutputStream(os, manifest)) {
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
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

  /** The bytes of the class file of {@code type}, as its class loader has them. */
  public static byte[] classFile(Class<?> type) {
    String name = type.getName().replace('.', '/') + ".class";
    try (InputStream in = type.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("no class file for " + type.getName());
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
