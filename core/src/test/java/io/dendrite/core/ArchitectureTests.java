package io.dendrite.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Core stays free of the runner's concerns (no YAML, no Guice, no CLI, no logging backend), and its
 * packages form layers without cycles.
 */
class ArchitectureTests {
  private static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.dendrite.core");

  @Test
  void coreDependsOnNeitherGuiceNorYamlNorTheCli() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.google.inject..",
            "org.yaml..",
            "picocli..",
            "ch.qos.logback..",
            "javax.inject..",
            "jakarta.inject..")
        .check(CORE);
  }

  @Test
  void noPackageOfCoreDependsOnItselfThroughOthers() {
    slices().matching("io.dendrite.core.(**)").should().beFreeOfCycles().check(CORE);
  }

  @Test
  void pluginsDeclareTheirParametersWithoutKnowingTheRegistry() {
    noClasses()
        .that()
        .resideInAnyPackage("io.dendrite.core.param..", "io.dendrite.core.spi..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.dendrite.core.plugin..", "io.dendrite.core.train..", "io.dendrite.core.nn..")
        .check(CORE);
  }

  @Test
  void coreNeverUsesJavaSerialization() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.io.ObjectInputStream")
        .check(CORE);
  }
}
