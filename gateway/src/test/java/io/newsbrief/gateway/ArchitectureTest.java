package io.newsbrief.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Proto types stay in the gRPC clients; the REST layer speaks the API model only. */
@AnalyzeClasses(
    packages = "io.newsbrief.gateway",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule protoTypesStayInTheClients =
      noClasses()
          .that()
          .resideInAnyPackage(
              "..gateway.rest..",
              "..gateway.model..",
              "..gateway.service..",
              "..gateway.web..",
              "..gateway.security..",
              "..gateway.config..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.newsbrief.proto..");
}
