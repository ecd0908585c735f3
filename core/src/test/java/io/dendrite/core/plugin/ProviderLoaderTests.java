package io.dendrite.core.plugin;

import static io.dendrite.core.plugin.TestJars.classes;
import static io.dendrite.core.plugin.TestJars.jar;
import static io.dendrite.core.plugin.TestJars.services;
import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.spi.ActivationPlugin;
import io.dendrite.core.spi.LossPlugin;
import io.dendrite.core.spi.PluginKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderLoaderTests {
  private static final String LISTED =
      ", listed in META-INF/services/io.dendrite.core.spi.ActivationPlugin,";

  @TempDir Path dir;

  private final List<PluginJar> opened = new ArrayList<>();
  private final List<RegisteredPlugin> found = new ArrayList<>();
  private final List<PluginProblem> problems = new ArrayList<>();

  @AfterEach
  void close() {
    opened.forEach(PluginJar::close);
  }

  /** Loads a jar listing {@code providers} as activations and holding {@code entries}. */
  @SafeVarargs
  private PluginJar load(String providers, Map<String, byte[]>... entries) {
    Map<String, byte[]>[] all = java.util.Arrays.copyOf(entries, entries.length + 1);
    all[entries.length] = services(ActivationPlugin.class, providers);
    Path file = jar(dir.resolve("plugin" + opened.size() + ".jar"), true, "1.0", all);
    PluginJar jar = PluginJar.open(file, getClass().getClassLoader());
    opened.add(jar);
    assertThat(jar.problems()).isEmpty();
    ProviderLoader.load(jar, found, problems);
    return jar;
  }

  /** The one problem loading {@code provider} (of the test classes, from a jar of them) gives. */
  private String refusal(String provider, String... jarClasses) {
    PluginJar jar = load(provider + "\n", classes(jarClasses));
    assertThat(found).isEmpty();
    assertThat(problems).hasSize(1);
    PluginProblem p = problems.get(0);
    assertThat(p.kind()).isEqualTo(PluginKind.ACTIVATION);
    assertThat(p.id()).isNull();
    assertThat(p.source()).isEqualTo(jar.source());
    return p.message();
  }

  @Test
  void makesEveryProviderOfEveryKindThroughTheJarsLoader() {
    Path file =
        jar(
            dir.resolve("good.jar"),
            true,
            "1.0",
            services(ActivationPlugin.class, "org.example.p.Good\n"),
            services(LossPlugin.class, "org.example.p.GoodLoss\n"),
            classes("Good", "GoodLoss"));
    PluginJar jar = PluginJar.open(file, getClass().getClassLoader());
    opened.add(jar);
    ProviderLoader.load(jar, found, problems);
    assertThat(problems).isEmpty();
    assertThat(found)
        .extracting(RegisteredPlugin::kind)
        .containsExactly(PluginKind.ACTIVATION, PluginKind.LOSS);
    assertThat(found).extracting(RegisteredPlugin::id).containsExactly("good", "good_loss");
    assertThat(found).extracting(RegisteredPlugin::source).containsOnly(jar.source());
    assertThat(found.get(0).plugin()).isInstanceOf(ActivationPlugin.class);
    assertThat(found.get(0).plugin().getClass().getClassLoader()).isSameAs(jar.loader().get());
    assertThat(found.get(1).plugin()).isInstanceOf(LossPlugin.class);
  }

  @Test
  void aPluginsVersionIsItsJarsImplementationVersion() {
    for (String[] v : new String[][] {{"2.5.1", "2.5.1"}, {" ", "unknown"}, {null, "unknown"}}) {
      Path file =
          jar(
              dir.resolve("v" + opened.size() + ".jar"),
              true,
              v[0],
              services(ActivationPlugin.class, "org.example.p.Good\n"),
              classes("Good"));
      PluginJar jar = PluginJar.open(file, getClass().getClassLoader());
      opened.add(jar);
      found.clear();
      ProviderLoader.load(jar, found, problems);
      assertThat(found).singleElement().extracting(RegisteredPlugin::version).isEqualTo(v[1]);
    }
  }

  @Test
  void aRefusedJarAddsNothing() throws Exception {
    Files.writeString(dir.resolve("notes.jar"), "text");
    PluginJar jar = PluginJar.open(dir.resolve("notes.jar"), getClass().getClassLoader());
    ProviderLoader.load(jar, found, problems);
    assertThat(found).isEmpty();
    assertThat(problems).isEmpty();
  }

  @Test
  void oneFailingProviderDoesNotStopTheOthers() {
    load(
        "org.example.p.Throws\norg.example.p.Gone\norg.example.p.Good\n",
        classes("Throws", "Good"));
    assertThat(found).extracting(RegisteredPlugin::id).containsExactly("good");
    assertThat(problems).hasSize(2);
  }

  @Test
  void aClassMissingFromTheJar() {
    assertThat(refusal("org.example.p.Gone", "Good"))
        .isEqualTo("class org.example.p.Gone" + LISTED + " is not in the jar");
  }

  @Test
  void aClassOfDendriteOrTheJdk() {
    assertThat(refusal("io.dendrite.core.plugin.PluginJar", "Good"))
        .startsWith(
            "class io.dendrite.core.plugin.PluginJar"
                + LISTED
                + " is not in the jar but one of Dendrite's (")
        .endsWith("classes); list only the jar's own classes");
    problems.clear();
    assertThat(refusal("java.lang.String", "Good"))
        .isEqualTo(
            "class java.lang.String"
                + LISTED
                + " is not in the jar but one of Dendrite's (the JDK); list only the jar's own"
                + " classes");
  }

  @Test
  void aClassOfAnotherKind() {
    assertThat(refusal("org.example.p.NotAPlugin", "NotAPlugin"))
        .isEqualTo(
            "class org.example.p.NotAPlugin does not implement"
                + " io.dendrite.core.spi.ActivationPlugin");
    problems.clear();
    assertThat(refusal("org.example.p.GoodLoss", "GoodLoss"))
        .contains("does not implement io.dendrite.core.spi.ActivationPlugin");
  }

  @Test
  void aClassServiceLoaderCannotMake() {
    assertThat(refusal("org.example.p.Hidden", "Hidden"))
        .isEqualTo(
            "class org.example.p.Hidden must be public and not abstract, so that ServiceLoader can"
                + " make it");
    problems.clear();
    assertThat(refusal("org.example.p.Abstract", "Abstract"))
        .isEqualTo(
            "class org.example.p.Abstract must be public and not abstract, so that ServiceLoader"
                + " can make it");
    problems.clear();
    assertThat(refusal("org.example.p.NoDefault", "NoDefault"))
        .isEqualTo(
            "class org.example.p.NoDefault has no public no-argument constructor, which"
                + " ServiceLoader needs");
  }

  @Test
  void aConstructorOrInitializerThatThrows() {
    assertThat(refusal("org.example.p.Throws", "Throws"))
        .isEqualTo(
            "the constructor of org.example.p.Throws threw IllegalStateException: no licence key"
                + " (caused by IOException: key.txt)");
    problems.clear();
    assertThat(refusal("org.example.p.StaticFails", "StaticFails"))
        .isEqualTo(
            "initializing org.example.p.StaticFails threw NumberFormatException: For input"
                + " string: \"x\"");
    problems.clear();
    // The constructor initialises another class of the jar, which throws.
    assertThat(refusal("org.example.p.CtorInitFails", "CtorInitFails", "Boom"))
        .isEqualTo(
            "the constructor of org.example.p.CtorInitFails threw NumberFormatException: For input"
                + " string: \"boom\"");
  }

  @Test
  void aClassThatFailedToInitialiseEarlier() {
    load(
        "org.example.p.StaticFails\norg.example.p.AfterStaticFails\n",
        classes("StaticFails", "AfterStaticFails"));
    assertThat(problems).hasSize(2);
    assertThat(problems.get(1).message())
        .startsWith(
            "class org.example.p.AfterStaticFails could not be linked: NoClassDefFoundError:"
                + " Could not initialize class org.example.p.StaticFails");
  }

  @Test
  void aDeclarationThatThrowsIsReportedNow() {
    for (String what : List.of("Id", "Aliases", "Summary", "Params", "Version")) {
      problems.clear();
      assertThat(refusal("org.example.p.Throws" + what, "Throws" + what))
          .isEqualTo(
              "declaring org.example.p.Throws"
                  + what
                  + " threw UnsupportedOperationException: no "
                  + what.toLowerCase());
    }
  }

  @Test
  void aClassNeedingALibraryTheJarLacks() {
    String needs =
        ", which is neither in the jar nor part of Dendrite; put the plugin's dependencies inside"
            + " its jar (maven-shade-plugin): each plugin jar sees only itself and Dendrite";
    assertThat(refusal("org.example.p.NeedsLib", "NeedsLib"))
        .isEqualTo("class org.example.p.NeedsLib needs org.example.lib.Lib" + needs);
    problems.clear();
    assertThat(refusal("org.example.p.NeedsLibStatic", "NeedsLibStatic"))
        .isEqualTo("class org.example.p.NeedsLibStatic needs org.example.lib.Lib" + needs);
    problems.clear();
    assertThat(refusal("org.example.p.DeclaresWithLib", "DeclaresWithLib"))
        .isEqualTo("class org.example.p.DeclaresWithLib needs org.example.lib.Lib" + needs);
    problems.clear();
    // With the library in the jar, the same class loads.
    load("org.example.p.NeedsLib\n", classes("NeedsLib", "org.example.lib.Lib"));
    assertThat(problems).isEmpty();
    assertThat(found).extracting(RegisteredPlugin::id).containsExactly("needslib");
  }

  @Test
  void aClassCompiledForANewerJava() {
    byte[] good = classes("Good").get("org/example/p/Good.class").clone();
    // The major version, bytes 6 and 7 of a class file: 70 is Java 26.
    good[6] = 0;
    good[7] = 70;
    load("org.example.p.Good\n", Map.of("org/example/p/Good.class", good));
    assertThat(found).isEmpty();
    assertThat(problems)
        .singleElement()
        .extracting(PluginProblem::message)
        .isEqualTo(
            "class org.example.p.Good was compiled for Java 26 (class file version 70), newer than"
                + " this Java "
                + Runtime.version().feature()
                + "; compile the plugin with --release 17"
                + " (<maven.compiler.release>17</maven.compiler.release>) or run Dendrite on a"
                + " newer Java");
  }

  @Test
  void linkageWithoutAClassFileVersionOrClassName() {
    assertThat(ProviderLoader.linkage("a.B", new UnsupportedClassVersionError("unsupported")))
        .startsWith("class a.B was compiled for a newer Java, newer than this Java ");
    assertThat(
            ProviderLoader.linkage(
                "a.B", new UnsupportedClassVersionError("a/C (class file version 65.0)")))
        .startsWith("class a.C was compiled for Java 21 (class file version 65), newer than");
    assertThat(ProviderLoader.linkage("a.B", new UnsatisfiedLinkError("no lib")))
        .isEqualTo("class a.B could not be linked: UnsatisfiedLinkError: no lib");
    assertThat(ProviderLoader.linkage("a.B", new NoClassDefFoundError()))
        .startsWith("class a.B needs null, which is neither in the jar");
  }

  @Test
  void describeNamesTheExceptionItsMessageAndItsCauses() {
    assertThat(ProviderLoader.describe(new IllegalStateException()))
        .isEqualTo("IllegalStateException");
    assertThat(
            ProviderLoader.describe(
                new IllegalStateException(
                    "outer", new RuntimeException(new java.io.IOException("inner")))))
        .isEqualTo(
            "IllegalStateException: outer (caused by RuntimeException: java.io.IOException:"
                + " inner) (caused by IOException: inner)");
    assertThat(ProviderLoader.describe(new IllegalStateException("x", new Error())))
        .isEqualTo("IllegalStateException: x (caused by Error)");
  }
}
