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

  /** A jar with the activation {@code softplus}, written as a third party would write it. */
  public static Path softplus(Path folder) {
    return build(
        folder,
        "softplus",
        List.of(
            """
            package org.example.softplus;

            import io.dendrite.core.spi.support.ElementwiseActivation;

            public final class SoftplusActivation extends ElementwiseActivation {
              @Override
              protected double apply(double x) {
                return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
              }

              @Override
              protected double derivative(double x, double y) {
                return 1 / (1 + Math.exp(-x));
              }
            }
            """,
            """
            package org.example.softplus;

            import io.dendrite.core.param.Params;
            import io.dendrite.core.spi.Activation;
            import io.dendrite.core.spi.ActivationPlugin;

            public final class SoftplusPlugin implements ActivationPlugin {
              @Override
              public String id() {
                return "softplus";
              }

              @Override
              public String summary() {
                return "log(1 + exp(x)), a smooth relu";
              }

              @Override
              public Activation create(Params params) {
                return new SoftplusActivation();
              }
            }
            """),
        "io.dendrite.core.spi.ActivationPlugin",
        "org.example.softplus.SoftplusPlugin\n");
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
