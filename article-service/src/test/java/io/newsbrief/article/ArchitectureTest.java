package io.newsbrief.article;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Proto and gRPC types stay at the gRPC edge; the layers below know nothing of the transport. */
@AnalyzeClasses(
    packages = "io.newsbrief.article",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule transportStaysAtTheEdge =
      noClasses()
          .that()
          .resideInAnyPackage(
              "..article.service..",
              "..article.repository..",
              "..article.extraction..",
              "..article.config..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.newsbrief.proto..", "io.grpc..", "com.google.rpc..", "com.google.protobuf..");

  @ArchTest
  static final ArchRule repositoryDoesNotCallUseCases =
      noClasses()
          .that()
          .resideInAPackage("..article.repository..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("..article.service..", "..article.grpc..");
}
