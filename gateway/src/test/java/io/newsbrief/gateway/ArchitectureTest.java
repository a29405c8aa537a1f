package io.newsbrief.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import io.newsbrief.testing.ArchitectureRules;

/**
 * gRPC stays at the edge: only the {@code client} package knows the proto types, gRPC and its
 * status details; everything above it speaks the API model and the client's own failure types.
 */
@AnalyzeClasses(
    packages = ArchitectureTest.SERVICE,
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  static final String SERVICE = "io.newsbrief.gateway";

  @ArchTest static final ArchTests layering = ArchTests.in(ArchitectureRules.class);

  @ArchTest
  static final ArchRule theClientsKnowNothingAboveThem =
      noClasses()
          .that()
          .resideInAPackage("..gateway.client..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "..gateway.rest..", "..gateway.service..", "..gateway.web..", "..gateway.security..");
}
