package io.dendrite.core.plugin;

import static io.dendrite.core.plugin.TestJars.classes;
import static io.dendrite.core.plugin.TestJars.jar;
import static io.dendrite.core.plugin.TestJars.services;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dendrite.core.spi.ActivationPlugin;
import io.dendrite.core.spi.LossPlugin;
import io.dendrite.core.spi.PluginKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginJarTests {
  @TempDir Path dir;

  private final ClassLoader framework = getClass().getClassLoader();

  @Test
  void aGoodJarListsItsProvidersByKindAndVersionAndGetsItsOwnLoader() throws Exception {
    Path file =
        jar(
            dir.resolve("good.jar"),
            true,
            " 1.2.0 ",
            services(
                ActivationPlugin.class,
                "# the activations\norg.example.p.Good # first\n\n  org.example.p.Good\n"
                    + "org.example.p.Throws\n"),
            services(LossPlugin.class, "org.example.p.GoodLoss\n"),
            classes("Good", "Throws", "GoodLoss"));
    try (PluginJar jar = PluginJar.open(dir.resolve("x/../good.jar"), framework)) {
      assertThat(jar.problems()).isEmpty();
      assertThat(jar.file()).isEqualTo(file.toAbsolutePath().normalize());
      assertThat(jar.source()).isEqualTo(file.toAbsolutePath().normalize().toString());
      assertThat(jar.version()).isEqualTo("1.2.0");
      assertThat(jar.toString()).isEqualTo(jar.source() + " (version 1.2.0)");
      assertThat(jar.providers())
          .containsExactly(
              Map.entry(
                  PluginKind.ACTIVATION, List.of("org.example.p.Good", "org.example.p.Throws")),
              Map.entry(PluginKind.LOSS, List.of("org.example.p.GoodLoss")));
      assertThatThrownBy(() -> jar.providers().clear())
          .isInstanceOf(UnsupportedOperationException.class);
      ClassLoader loader = jar.loader().orElseThrow();
      assertThat(loader.getParent()).isSameAs(framework);
      assertThat(loader.getName()).isEqualTo("good.jar");
      Class<?> good = loader.loadClass("org.example.p.Good");
      assertThat(good.getClassLoader()).isSameAs(loader);
      // Without running the jar's code: opening did not initialise the throwing provider.
      assertThat(framework.getResource("org/example/p/Good.class")).isNull();
    }
  }

  @Test
  void aClosedJarFindsNoMoreClasses() throws Exception {
    jar(
        dir.resolve("good.jar"),
        true,
        "1",
        services(ActivationPlugin.class, "org.example.p.Good\n"),
        classes("Good", "GoodLoss"));
    PluginJar jar = PluginJar.open(dir.resolve("good.jar"), framework);
    ClassLoader loader = jar.loader().orElseThrow();
    jar.close();
    assertThatThrownBy(() -> loader.loadClass("org.example.p.GoodLoss"))
        .isInstanceOf(ClassNotFoundException.class);
    // Twice is harmless, and so is closing a refused jar.
    jar.close();
    Files.writeString(dir.resolve("notes.jar"), "text");
    PluginJar.open(dir.resolve("notes.jar"), framework).close();
  }

  @Test
  void theVersionIsUnknownWithoutAManifestOrItsAttribute() {
    Map<String, byte[]> good = classes("Good");
    Map<String, byte[]> listed = services(ActivationPlugin.class, "org.example.p.Good\n");
    jar(dir.resolve("none.jar"), false, null, listed, good);
    jar(dir.resolve("noattr.jar"), true, null, listed, good);
    jar(dir.resolve("blank.jar"), true, "  ", listed, good);
    for (String name : List.of("none.jar", "noattr.jar", "blank.jar")) {
      try (PluginJar jar = PluginJar.open(dir.resolve(name), framework)) {
        assertThat(jar.version()).as(name).isEqualTo("unknown");
        assertThat(jar.problems()).as(name).isEmpty();
        assertThat(jar.toString()).endsWith(name + " (version unknown)");
      }
    }
  }

  private static PluginProblem onlyProblem(PluginJar jar) {
    assertThat(jar.loader()).isEmpty();
    assertThat(jar.providers()).isEmpty();
    assertThat(jar.problems()).hasSize(1);
    PluginProblem p = jar.problems().get(0);
    assertThat(p.kind()).isNull();
    assertThat(p.id()).isNull();
    assertThat(p.source()).isEqualTo(jar.source());
    return p;
  }

  @Test
  void aFileThatIsNotAJarIsRefusedByName() throws Exception {
    Files.writeString(dir.resolve("notes.jar"), "these are not classes");
    PluginJar jar = PluginJar.open(dir.resolve("notes.jar"), framework);
    assertThat(jar.version()).isEqualTo("unknown");
    assertThat(onlyProblem(jar).message())
        .startsWith("not a readable jar (")
        .endsWith("); remove it from the plugin folder or replace it with the plugin's jar");
    assertThat(onlyProblem(PluginJar.open(dir.resolve("absent.jar"), framework)).message())
        .startsWith("not a readable jar (");
  }

  @Test
  void aJarBundlingDendriteCoreIsRefusedWithTheFirstClassAndTheCount() {
    Map<String, byte[]> listed = services(ActivationPlugin.class, "org.example.p.Good\n");
    Map<String, byte[]> one =
        Map.of(
            "io/dendrite/core/spi/Plugin.class",
            new byte[] {1},
            "io/dendrite/core/x.txt",
            new byte[0]);
    jar(dir.resolve("fat1.jar"), true, "2.0", listed, classes("Good"), one);
    PluginJar jar = PluginJar.open(dir.resolve("fat1.jar"), framework);
    assertThat(jar.version()).isEqualTo("2.0");
    assertThat(onlyProblem(jar).message())
        .isEqualTo(
            "bundles its own copy of dendrite-core (1 class under io/dendrite/core/, such as"
                + " io/dendrite/core/spi/Plugin.class), which Dendrite provides: declare"
                + " dendrite-core with <scope>provided</scope> and keep it out of the jar; none of"
                + " the jar's plugins were loaded");
    jar(
        dir.resolve("fat2.jar"),
        true,
        "2.0",
        listed,
        classes("Good"),
        Map.of("io/dendrite/core/A.class", new byte[] {1}),
        Map.of("io/dendrite/core/B.class", new byte[] {1}));
    assertThat(onlyProblem(PluginJar.open(dir.resolve("fat2.jar"), framework)).message())
        .startsWith(
            "bundles its own copy of dendrite-core (2 classes under io/dendrite/core/, such as"
                + " io/dendrite/core/A.class)");
    // A class of another io.dendrite package is the plugin's own business.
    jar(
        dir.resolve("own.jar"),
        true,
        "2.0",
        listed,
        classes("Good"),
        Map.of("io/dendrite/corex/A.class", new byte[] {1}));
    assertThat(PluginJar.open(dir.resolve("own.jar"), framework).problems()).isEmpty();
  }

  @Test
  void aJarWhoseServicesFilesListNothingIsRefusedNamingTheKinds() {
    jar(
        dir.resolve("lib.jar"),
        true,
        "2.0",
        services(ActivationPlugin.class, "# none yet\n\n"),
        classes("org.example.lib.Lib"));
    PluginJar jar = PluginJar.open(dir.resolve("lib.jar"), framework);
    assertThat(jar.version()).isEqualTo("2.0");
    assertThat(onlyProblem(jar).message())
        .isEqualTo(
            "registers no plugins: no META-INF/services/io.dendrite.core.spi.<Kind>Plugin file in"
                + " it lists a class (kinds: activation, loss, optimizer, initializer, layer,"
                + " metric, dataset, preprocessor, schedule); a library a plugin needs belongs"
                + " inside the plugin's own jar, as each jar sees only itself and Dendrite");
    jar(dir.resolve("bare.jar"), true, "2.0", classes("org.example.lib.Lib"));
    assertThat(onlyProblem(PluginJar.open(dir.resolve("bare.jar"), framework)).message())
        .startsWith("registers no plugins");
  }
}
