package io.dendrite.runner.plugins;

import io.dendrite.core.spi.Plugin;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plugin folder holding one jar for each way a plugin jar can be broken, and one good jar, each
 * with the words its problem must be reported with.
 */
public final class BrokenPluginJars {
  /** Where Temurin 25 is installed on the build machines, for a jar compiled for a newer Java. */
  public static final Path JAVAC_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/javac");

  /** A broken jar: its file name and what its one problem must say. */
  public record Case(String file, String reason) {}

  private BrokenPluginJars() {}

  /** True when a Java newer than this one can compile the newer-Java case. */
  public static boolean newerJavaAvailable() {
    return Files.isExecutable(JAVAC_25) && Runtime.version().feature() < 25;
  }

  /** Writes every broken jar, and the good {@code squareplus.jar}, into {@code folder}. */
  public static List<Case> write(Path folder) throws Exception {
    Files.createDirectories(folder);
    PluginJars.squareplus(folder);
    Files.writeString(folder.resolve("notes.jar"), "these are not classes");

    PluginJars.jar(
        folder.resolve("gone.jar"),
        "1.0",
        services("org.example.gone.GoneActivation$Plugin\n", Map.of()));

    PluginJars.jar(
        folder.resolve("throwing.jar"),
        "1.0",
        services(
            "org.example.throwing.ThrowingActivation$Plugin\n",
            PluginJars.compile(
                List.of(
                    PluginJars.activation(
                        "org.example.throwing",
                        "ThrowingActivation",
                        "thrower",
                        "if (d != null) { throw new IllegalStateException(\"no licence key"
                            + " found\"); }")),
                null,
                "17")));

    String lib =
        """
        package org.example.lib;

        public final class Curve {
          public static void check() {}
        }
        """;
    Map<String, byte[]> needsLib =
        PluginJars.compile(
            List.of(
                lib,
                PluginJars.activation(
                    "org.example.needslib",
                    "NeedsLibActivation",
                    "needs_lib",
                    "org.example.lib.Curve.check();")),
            null,
            "17");
    Map<String, byte[]> libOnly = new LinkedHashMap<>();
    Map<String, byte[]> pluginOnly = new LinkedHashMap<>();
    needsLib.forEach((k, v) -> (k.startsWith("org/example/lib/") ? libOnly : pluginOnly).put(k, v));
    PluginJars.jar(
        folder.resolve("needs-lib.jar"),
        "1.0",
        services("org.example.needslib.NeedsLibActivation$Plugin\n", pluginOnly));
    // Dropping the library beside the plugin does not help: each jar sees only itself.
    PluginJars.jar(folder.resolve("curve-lib.jar"), "2.0", libOnly);

    Map<String, byte[]> bundled =
        new LinkedHashMap<>(
            PluginJars.compile(
                List.of(
                    PluginJars.activation(
                        "org.example.bundled", "BundledActivation", "bundled", "")),
                null,
                "17"));
    bundled.put("io/dendrite/core/spi/Plugin.class", PluginJars.classFile(Plugin.class));
    PluginJars.jar(
        folder.resolve("fat.jar"),
        "1.0",
        services("org.example.bundled.BundledActivation$Plugin\n", bundled));

    PluginJars.jar(
        folder.resolve("badid.jar"),
        "1.0",
        services(
            "org.example.badid.BadIdActivation$Plugin\n",
            PluginJars.compile(
                List.of(
                    PluginJars.activation("org.example.badid", "BadIdActivation", "Bad Id", "")),
                null,
                "17")));

    for (String side : List.of("a", "b")) {
      PluginJars.jar(
          folder.resolve("cubic-" + side + ".jar"),
          side.equals("a") ? "1.0" : "3.1",
          services(
              "org.example.cubic" + side + ".CubicActivation$Plugin\n",
              PluginJars.compile(
                  List.of(
                      PluginJars.activation(
                          "org.example.cubic" + side, "CubicActivation", "cubic", "")),
                  null,
                  "17")));
    }

    Map<String, byte[]> twin =
        services(
            "org.example.twin.TwinActivation$Plugin\n",
            PluginJars.compile(
                List.of(PluginJars.activation("org.example.twin", "TwinActivation", "twin", "")),
                null,
                "17"));
    PluginJars.jar(folder.resolve("twin-1.0.jar"), "1.0", twin);
    PluginJars.jar(folder.resolve("twin-1.1.jar"), "1.1", twin);

    List<Case> cases =
        new java.util.ArrayList<>(
            List.of(
                new Case("notes.jar", "not a readable jar"),
                new Case(
                    "gone.jar",
                    "class org.example.gone.GoneActivation$Plugin, listed in"
                        + " META-INF/services/io.dendrite.core.spi.ActivationPlugin, is not in the"
                        + " jar"),
                new Case(
                    "throwing.jar",
                    "the constructor of org.example.throwing.ThrowingActivation$Plugin threw"
                        + " IllegalStateException: no licence key found"),
                new Case(
                    "needs-lib.jar",
                    "needs org.example.lib.Curve, which is neither in the jar nor part of Dendrite"),
                new Case("curve-lib.jar", "registers no plugins"),
                new Case("fat.jar", "bundles its own copy of dendrite-core"),
                new Case("badid.jar", "id 'Bad Id' of org.example.badid.BadIdActivation$Plugin"),
                new Case("cubic-b.jar", "claims the activation id 'cubic' that"),
                new Case(
                    "twin-1.1.jar",
                    "class org.example.twin.TwinActivation$Plugin (version 1.1) is also in")));
    if (newerJavaAvailable()) {
      PluginJars.jar(
          folder.resolve("future.jar"),
          "1.0",
          services(
              "org.example.future.FutureActivation$Plugin\n",
              PluginJars.compile(
                  List.of(
                      PluginJars.activation(
                          "org.example.future", "FutureActivation", "future", "")),
                  JAVAC_25,
                  "25")));
      cases.add(
          new Case(
              "future.jar",
              "was compiled for Java 25 (class file version 69), newer than this Java "
                  + Runtime.version().feature()));
    }
    return cases;
  }

  private static Map<String, byte[]> services(String providers, Map<String, byte[]> classes) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put(
        "META-INF/services/" + PluginJars.ACTIVATION, providers.getBytes(StandardCharsets.UTF_8));
    entries.putAll(classes);
    return entries;
  }
}
