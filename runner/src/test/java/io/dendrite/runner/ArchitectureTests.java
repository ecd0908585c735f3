package io.dendrite.runner;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of the architecture. Core knows nothing of YAML, Guice, the CLI or logging
 * back ends; plugins know nothing of them either, nor of each other.
 */
class ArchitectureTests {
  private static final String[] FRAMEWORKS = {
    "com.google.inject..", "jakarta.inject..", "org.yaml..", "picocli..", "ch.qos.logback.."
  };
  private static final List<String> PLUGIN_MODULES =
      List.of(
          "io.dendrite.activations",
          "io.dendrite.losses",
          "io.dendrite.optimizers",
          "io.dendrite.datasets");

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.dendrite");
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
            "io.dendrite.core..")
        .because("core depends on slf4j-api only")
        .check(classes);
  }

  @Test
  void pluginModulesDependOnNoFrameworkNorOnEachOther() {
    for (String module : PLUGIN_MODULES) {
      String[] others =
          Stream.concat(
                  PLUGIN_MODULES.stream().filter(m -> !m.equals(module)).map(m -> m + ".."),
                  Stream.of("io.dendrite.runner.."))
              .toArray(String[]::new);
      noClasses()
          .that()
          .resideInAPackage(module + "..")
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
  void theExperimentTreeAndItsValidationDoNotDependOnSnakeYaml() {
    noClasses()
        .that()
        .resideInAnyPackage("io.dendrite.runner.config..", "io.dendrite.runner.validate..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.yaml..", "com.google.inject..", "picocli..")
        .check(classes);
  }
}
