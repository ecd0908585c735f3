package io.dendrite.runner.plugins;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/** Real third-party plugin jars for tests, compiled from source against dendrite-core. */
public final class PluginJars {
  private PluginJars() {}

  /** A jar with the activation {@code squareplus}, written as a third party would write it. */
  public static Path squareplus(Path folder) {
    return build(
        folder,
        "squareplus",
        List.of(
            """
            package org.example.squareplus;

            import io.dendrite.core.param.Param;
            import io.dendrite.core.spi.ActivationPlugin;
            import io.dendrite.core.spi.support.ElementwiseActivation;

            /** Squareplus, (x + sqrt(x^2 + b)) / 2: a smooth relu made of a square root. */
            public final class SquareplusActivation extends ElementwiseActivation {
              static final Param<Double> B =
                  Param.number("b", 4.0, "smoothness near 0").greaterThan(0);

              public static final class Plugin extends ActivationPlugin.Base {
                public Plugin() {
                  super(
                      declare("squareplus", "(x + sqrt(x^2 + b)) / 2, a smooth relu").params(B),
                      p -> new SquareplusActivation(p.get(B)));
                }
              }

              private final double b;

              SquareplusActivation(double b) {
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
            """),
        "io.dendrite.core.spi.ActivationPlugin",
        "org.example.squareplus.SquareplusActivation$Plugin\n");
  }

  /** Compiles {@code sources} and packs them with one services file into {@code name}.jar. */
  public static Path build(
      Path folder, String name, List<String> sources, String service, String providers) {
    try {
      Path work = Files.createTempDirectory(name + "-build");
      Path classes = Files.createDirectories(work.resolve("classes"));
      List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "--release", "17"));
      args.addAll(List.of("-cp", System.getProperty("java.class.path"), "-nowarn"));
      for (String source : sources) {
        String pkg = source.replaceAll("(?s)^package ([\\w.]+);.*", "$1");
        String cls = source.replaceAll("(?s).*public final class (\\w+).*", "$1");
        Path file = work.resolve("src").resolve(pkg.replace('.', '/')).resolve(cls + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        args.add(file.toString());
      }
      int rc =
          ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new));
      if (rc != 0) {
        throw new IllegalStateException("the test plugin " + name + " did not compile");
      }
      Files.createDirectories(folder);
      Path jar = folder.resolve(name + ".jar");
      try (OutputStream os = Files.newOutputStream(jar);
          JarOutputStream out = new JarOutputStream(os);
          Stream<Path> files = Files.walk(classes)) {
        out.putNextEntry(new JarEntry("META-INF/services/" + service));
        out.write(providers.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
        for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
          out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
          out.write(Files.readAllBytes(f));
          out.closeEntry();
        }
      }
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
