package io.dendrite.core.plugin;

import static io.dendrite.core.plugin.TestJars.classes;
import static io.dendrite.core.plugin.TestJars.jar;
import static io.dendrite.core.plugin.TestJars.services;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dendrite.core.param.Param;
import io.dendrite.core.spi.Activation;
import io.dendrite.core.spi.ActivationPlugin;
import io.dendrite.core.spi.ComponentSpec;
import io.dendrite.core.spi.DeclaredPlugin;
import io.dendrite.core.spi.PluginKind;
import io.dendrite.core.tensor.Matrix;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginDiscoveryTests {
  @TempDir Path dir;

  private PluginRegistry onClassPath(Path... entries) throws Exception {
    URL[] urls = new URL[entries.length];
    for (int i = 0; i < entries.length; i++) {
      urls[i] = entries[i].toUri().toURL();
    }
    try (URLClassLoader loader = new URLClassLoader(urls, getClass().getClassLoader())) {
      return PluginRegistry.discover(loader);
    }
  }

  private static List<PluginProblem> activationProblems(PluginRegistry r) {
    return r.problems().stream().filter(p -> p.kind() == PluginKind.ACTIVATION).toList();
  }

  @Test
  void theSourceOfAClassIsItsJarItsFolderOrTheJdk() {
    assertThat(PluginDiscovery.sourceOf(String.class)).isEqualTo("the JDK");
    String assertj = PluginDiscovery.sourceOf(Assertions.class);
    assertThat(assertj).startsWith("/").endsWith(".jar").doesNotContain("file:");
    assertThat(Path.of(assertj)).exists();
    Path tests = Path.of(PluginDiscovery.sourceOf(PluginDiscoveryTests.class));
    assertThat(tests.resolve("io/dendrite/core/plugin/PluginDiscoveryTests.class")).exists();
  }

  @Test
  void aProviderWhoseConstructorThrowsIsBlamedOnItsJarWithTheCauses() throws Exception {
    Path throwing =
        jar(
            dir.resolve("throwing.jar"),
            true,
            "1.0",
            services(ActivationPlugin.class, "org.example.p.Throws\n"),
            classes("Throws"));
    PluginRegistry r = onClassPath(throwing);
    assertThat(activationProblems(r))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.source()).isEqualTo(throwing.toString());
              assertThat(p.id()).isNull();
              assertThat(p.message())
                  .isEqualTo(
                      "io.dendrite.core.spi.ActivationPlugin: Provider org.example.p.Throws could"
                          + " not be instantiated: IllegalStateException no licence key:"
                          + " IOException key.txt");
            });
  }

  @Test
  void theLongestListedNameThatTheErrorNamesIsBlamed() throws Exception {
    // GoodLoss is no activation; its name contains Good's, listed by another jar.
    Path good =
        jar(
            dir.resolve("good.jar"),
            true,
            "1.0",
            services(ActivationPlugin.class, "org.example.p.Good\n"),
            classes("Good"));
    Path wrong =
        jar(
            dir.resolve("wrong.jar"),
            true,
            "1.0",
            services(ActivationPlugin.class, "org.example.p.GoodLoss\n"),
            classes("GoodLoss"));
    for (PluginRegistry r : List.of(onClassPath(good, wrong), onClassPath(wrong, good))) {
      assertThat(activationProblems(r))
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.source()).isEqualTo(wrong.toString());
                assertThat(p.message()).contains("org.example.p.GoodLoss not a subtype");
              });
      assertThat(r.contains(PluginKind.ACTIVATION, "good")).isTrue();
    }
  }

  @Test
  void aProviderInAClassFolderIsBlamedOnTheFolder() throws Exception {
    Path folder = dir.resolve("classes");
    Path services = folder.resolve("META-INF/services/" + ActivationPlugin.class.getName());
    Files.createDirectories(services.getParent());
    Files.writeString(services, "org.example.gone.Gone # not there\n", StandardCharsets.UTF_8);
    PluginRegistry r = onClassPath(folder);
    assertThat(activationProblems(r))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.source()).isEqualTo(folder.toString());
              assertThat(p.message())
                  .isEqualTo(
                      "io.dendrite.core.spi.ActivationPlugin: Provider org.example.gone.Gone not"
                          + " found");
            });
  }

  @Test
  void aProviderCompiledForANewerJavaSaysWhichJava() throws Exception {
    byte[] good = classes("Good").get("org/example/p/Good.class").clone();
    good[6] = 0;
    good[7] = 70;
    Path future =
        jar(
            dir.resolve("future.jar"),
            true,
            "1.0",
            services(ActivationPlugin.class, "org.example.p.Good\n"),
            Map.of("org/example/p/Good.class", good));
    PluginRegistry r = onClassPath(future);
    assertThat(activationProblems(r))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.source()).isEqualTo(future.toString());
              assertThat(p.message())
                  .startsWith(
                      "class org.example.p.Good was compiled for Java 26 (class file version 70),"
                          + " newer than this Java");
            });
  }

  @Test
  void jarsOfAPluginFolderAreDiscoveredBesideTheClassPathWithEarlierProblems() throws Exception {
    Path good =
        jar(
            dir.resolve("good.jar"),
            true,
            "1.0",
            services(ActivationPlugin.class, "org.example.p.Good\norg.example.p.Gone\n"),
            classes("Good"));
    Files.writeString(dir.resolve("notes.jar"), "text");
    PluginProblem earlier = new PluginProblem(null, null, "/plugins", "could not be listed");
    try (PluginJar jar = PluginJar.open(good, getClass().getClassLoader());
        PluginJar notes = PluginJar.open(dir.resolve("notes.jar"), getClass().getClassLoader())) {
      PluginRegistry r =
          PluginRegistry.discover(
              getClass().getClassLoader(), List.of(jar, notes), List.of(earlier));
      RegisteredPlugin found = r.require(PluginKind.ACTIVATION, "fine");
      assertThat(found.id()).isEqualTo("good");
      assertThat(found.source()).isEqualTo(jar.source());
      // The class path's own plugins are there too.
      assertThat(r.contains(PluginKind.METRIC, "accuracy")).isTrue();
      assertThat(r.problems().get(0)).isEqualTo(earlier);
      assertThat(r.problems())
          .extracting(PluginProblem::source)
          .containsExactly("/plugins", jar.source(), notes.source());
      assertThat(r.problems().get(1).message())
          .contains("org.example.p.Gone")
          .contains("is not in the jar");
      assertThat(r.problems().get(2).message()).startsWith("not a readable jar");
      assertThat(r.unknownMessage(PluginKind.ACTIVATION, "gone"))
          .contains("\n  note: an activation plugin failed to load: " + r.problems().get(1))
          .contains("\n  note: a plugin jar was not loaded: " + r.problems().get(2));
    }
  }

  @Test
  void createFillsTheDefaultsOfASpecGivenWithoutParamsAndChecksTheType() {
    Param<Integer> units = Param.integer("units", 4, "outputs");
    List<Integer> seen = new java.util.ArrayList<>();
    Activation made =
        new Activation() {
          @Override
          public void forward(Matrix z, Matrix a) {}

          @Override
          public void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ) {}
        };
    ActivationPlugin plugin =
        new ActivationPlugin.Base(
            DeclaredPlugin.declare("wide", "w").params(units),
            p -> {
              seen.add(p.get(units));
              return made;
            }) {};
    PluginRegistry r =
        new PluginRegistry(
            List.of(new RegisteredPlugin(PluginKind.ACTIVATION, plugin, "test")), List.of());
    assertThat(r.create(ComponentSpec.of(PluginKind.ACTIVATION, "wide"), Activation.class))
        .isSameAs(made);
    ComponentSpec given =
        new ComponentSpec(
            PluginKind.ACTIVATION,
            "wide",
            io.dendrite.core.param.Params.resolve(List.of(units), Map.of("units", 9)));
    assertThat(r.create(given, Activation.class)).isSameAs(made);
    assertThat(seen).containsExactly(4, 9);
    assertThatThrownBy(() -> r.create(given, io.dendrite.core.spi.Layer.class))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "activation 'wide' created a "
                + made.getClass().getName()
                + ", not a io.dendrite.core.spi.Layer");
  }
}
