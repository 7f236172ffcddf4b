package dev.vigil.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The one-way flow of the architecture: ingest → store → listeners; only http knows the web framework. */
class LayeringTest {
  static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.vigil");

  @Test
  void modelAndStorageInterfacesDependOnNothingOfOurs() {
    noClasses().that().resideInAPackage("dev.vigil.model..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.vigil.storage..", "dev.vigil.server..")
        .check(CLASSES);
    noClasses().that().resideInAPackage("dev.vigil.storage")
        .should().dependOnClassesThat().resideInAnyPackage("dev.vigil.server..", "dev.vigil.storage.duckdb..")
        .check(CLASSES);
  }

  @Test
  void backendsNeverSeeTheServer() {
    noClasses().that().resideInAPackage("dev.vigil.storage.duckdb..")
        .should().dependOnClassesThat().resideInAPackage("dev.vigil.server..").check(CLASSES);
  }

  @Test
  void ingestKnowsNoHttpNorQueryNorBackend() {
    noClasses().that().resideInAPackage("dev.vigil.server.ingest..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.vigil.server.http..", "dev.vigil.server.query..",
            "dev.vigil.storage.duckdb..", "io.javalin..")
        .check(CLASSES);
  }

  @Test
  void scoringKnowsNoHttpNorQueryNorBackend() {
    noClasses().that().resideInAPackage("dev.vigil.server.scoring..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.vigil.server.http..", "dev.vigil.server.query..",
            "dev.vigil.server.demo..", "dev.vigil.storage.duckdb..", "io.javalin..")
        .check(CLASSES);
  }

  @Test
  void onlyHttpKnowsTheWebFramework() {
    noClasses().that().resideOutsideOfPackage("dev.vigil.server.http..")
        .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "jakarta.servlet..", "org.eclipse.jetty..")
        .check(CLASSES);
  }

  @Test
  void nothingDependsOnHttpButTheWiring() {
    noClasses().that().resideOutsideOfPackages("dev.vigil.server.http..", "dev.vigil.server")
        .should().dependOnClassesThat().resideInAPackage("dev.vigil.server.http..").check(CLASSES);
  }

  @Test
  void alertingSitsAfterTheStore() {
    noClasses().that().resideInAPackage("dev.vigil.server.alert..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.vigil.server.ingest..", "dev.vigil.server.http..",
            "dev.vigil.storage.duckdb..")
        .check(CLASSES);
  }

  @Test
  void monitorsSitBeforeAlerting() {
    noClasses().that().resideInAPackage("dev.vigil.server.watch..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.vigil.server.alert..", "dev.vigil.server.ingest..",
            "dev.vigil.server.http..", "dev.vigil.storage.duckdb..", "io.javalin..")
        .check(CLASSES);
  }
}
