package io.dendrite.runner;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.dendrite.core.spi.DeclaredPlugin;
import io.dendrite.core.spi.PluginKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of the architecture, over every module's main classes. Core knows nothing of
 * YAML, Guice, the CLI or logging back ends; plugins know nothing of them either, nor of each
 * other; no package depends on itself through others; the plugin modules come from the build.
 */
class ArchitectureTests {
  private static final String[] FRAMEWORKS = {
    "com.google.inject..", "jakarta.inject..", "org.yaml..", "picocli..", "ch.qos.logback.."
  };

  private static JavaClasses classes;
  private static List<PluginModule> pluginModules;

  /** A plugin module of the build: its folder and the package of its classes. */
  record PluginModule(Path folder, String javaPackage) {}

  @BeforeAll
  static void importClasses() throws IOException {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.dendrite");
    pluginModules = pluginModules(Path.of("..").toAbsolutePath().normalize());
  }

  /**
   * The modules of the parent POM that register services and depend on no Dendrite module but
   * {@code dendrite-core}: the plugin modules, whatever their number.
   */
  static List<PluginModule> pluginModules(Path root) throws IOException {
    List<PluginModule> found = new ArrayList<>();
    Matcher modules =
        Pattern.compile("<module>([^<]+)</module>")
            .matcher(Files.readString(root.resolve("pom.xml")));
    while (modules.find()) {
      Path folder = root.resolve(modules.group(1));
      Path services = folder.resolve("src/main/resources/META-INF/services");
      if (!Files.isDirectory(services)) {
        continue;
      }
      List<String> dendriteDependencies = new ArrayList<>();
      Matcher deps =
          Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL)
              .matcher(Files.readString(folder.resolve("pom.xml")));
      while (deps.find()) {
        Matcher artifact =
            Pattern.compile("<artifactId>(dendrite-[a-z]+)</artifactId>").matcher(deps.group(1));
        if (artifact.find() && !deps.group(1).contains("<scope>test</scope>")) {
          dendriteDependencies.add(artifact.group(1));
        }
      }
      if (!dendriteDependencies.equals(List.of("dendrite-core"))) {
        continue;
      }
      Path sources = folder.resolve("src/main/java/io/dendrite");
      try (Stream<Path> packages = Files.list(sources)) {
        packages.forEach(
            p -> found.add(new PluginModule(folder, "io.dendrite." + p.getFileName())));
      }
    }
    return found;
  }

  @Test
  void thePluginModulesAreFoundInTheBuild() {
    assertThat(pluginModules)
        .extracting(PluginModule::javaPackage)
        .contains(
            "io.dendrite.activations",
            "io.dendrite.losses",
            "io.dendrite.optimizers",
            "io.dendrite.datasets")
        .doesNotContain("io.dendrite.core", "io.dendrite.runner", "io.dendrite.testkit");
  }

  @Test
  void coreDependsOnNoFrameworkNorOnAnyOtherModule() {
    noClasses()
        .that()
        .resideInAPackage("io.dendrite.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(FRAMEWORKS)
        .check(classes);
    classes()
        .that()
        .resideInAPackage("io.dendrite.core..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "java..",
            "javax.annotation..",
            "jdk.incubator.vector..",
            "com.sun.management..",
            "org.slf4j..",
            "com.fasterxml.jackson..",
            "io.dendrite.core..")
        .because("core depends on slf4j-api, and Jackson for model file headers, only")
        .check(classes);
  }

  @Test
  void pluginModulesDependOnNoFrameworkNorOnEachOther() {
    for (PluginModule module : pluginModules) {
      String[] others =
          Stream.concat(
                  pluginModules.stream()
                      .filter(m -> !m.equals(module))
                      .map(m -> m.javaPackage() + ".."),
                  Stream.of("io.dendrite.runner..", "io.dendrite.testkit.."))
              .toArray(String[]::new);
      noClasses()
          .that()
          .resideInAPackage(module.javaPackage() + "..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(FRAMEWORKS)
          .orShould()
          .dependOnClassesThat()
          .resideInAnyPackage(others)
          .check(classes);
    }
  }

  @Test
  void noPackageDependsOnItselfThroughOthers() {
    slices().matching("io.dendrite.(**)").should().beFreeOfCycles().check(classes);
  }

  @Test
  void theExperimentTreeAndItsValidationDoNotDependOnSnakeYaml() {
    noClasses()
        .that()
        .resideInAnyPackage("io.dendrite.runner.config..", "io.dendrite.runner.validate..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.yaml..", "com.google.inject..", "picocli..")
        .check(classes);
  }

  @Test
  void nothingHoldsProcessWideMutableState() {
    fields()
        .that()
        .areStatic()
        .and()
        .areDeclaredInClassesThat()
        .resideInAPackage("io.dendrite..")
        .should()
        .beFinal()
        .because("runs side by side in one JVM must share nothing mutable")
        .check(classes);
  }

  @Test
  void noModuleUsesJavaSerialization() throws IOException {
    noClasses()
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.io.ObjectInputStream")
        .check(classes);
    // The runner's class path lacks the modules built after it (spark, bench, plugin-it) and the
    // example plugin: their sources are read instead, module by module as the POMs list them.
    Path root = Path.of("..").toAbsolutePath().normalize();
    List<Path> modules = modules(root);
    modules.add(root.resolve("examples/plugin-example"));
    assertThat(modules.stream().map(m -> root.relativize(m).toString()))
        .contains("core", "runner", "spark", "bench", "plugin-it", "testkit", "datasets");
    Pattern deserializing = Pattern.compile("\\b(ObjectInputStream|XMLDecoder)\\b");
    List<String> found = new ArrayList<>();
    int read = 0;
    for (Path module : modules) {
      // Tests too: a test that deserializes reads files as the code might; these rules name it.
      try (Stream<Path> files = Files.walk(module.resolve("src"))) {
        for (Path file :
            files
                .filter(f -> f.toString().endsWith(".java"))
                .filter(f -> !f.getFileName().toString().equals("ArchitectureTests.java"))
                .toList()) {
          read++;
          if (deserializing.matcher(Files.readString(file)).find()) {
            found.add(root.relativize(file).toString());
          }
        }
      }
    }
    assertThat(read).isGreaterThan(500);
    assertThat(found).as("sources that deserialize Java objects").isEmpty();
  }

  /** Every module the POMs list, from {@code folder} down (a module may have modules). */
  static List<Path> modules(Path folder) throws IOException {
    List<Path> found = new ArrayList<>();
    Matcher modules =
        Pattern.compile("<module>([^<]+)</module>")
            .matcher(Files.readString(folder.resolve("pom.xml")));
    while (modules.find()) {
      Path module = folder.resolve(modules.group(1)).normalize();
      found.add(module);
      found.addAll(modules(module));
    }
    return found;
  }

  @Test
  void everyBuiltInPluginIsDeclaredInsideTheClassItCreates() throws IOException {
    List<String> providers = new ArrayList<>();
    List<Path> folders = new ArrayList<>();
    pluginModules.forEach(m -> folders.add(m.folder()));
    folders.add(Path.of("..", "core").toAbsolutePath().normalize());
    for (Path folder : folders) {
      for (PluginKind kind : PluginKind.values()) {
        Path file =
            folder.resolve("src/main/resources/META-INF/services/" + kind.serviceType().getName());
        if (Files.exists(file)) {
          Files.readAllLines(file).stream()
              .map(l -> l.replaceAll("#.*", "").trim())
              .filter(l -> !l.isEmpty())
              .forEach(providers::add);
        }
      }
    }
    assertThat(providers).hasSizeGreaterThan(10);
    for (String provider : providers) {
      JavaClass c = classes.get(provider);
      assertThat(c.getEnclosingClass())
          .as("%s is nested in the class it creates", provider)
          .isPresent();
      assertThat(c.getSimpleName()).as("%s", provider).isEqualTo("Plugin");
      assertThat(c.isAssignableTo(DeclaredPlugin.class))
          .as("%s extends its kind's Base (a DeclaredPlugin)", provider)
          .isTrue();
    }
  }
}
