package io.newsbrief.summary;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Proto and gRPC types stay at the edges (grpc, client); the core knows nothing of transport. */
@AnalyzeClasses(
    packages = "io.newsbrief.summary",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule protoTypesStayAtTheEdges =
      noClasses()
          .that()
          .resideInAnyPackage(
              "..summary.service..",
              "..summary.repository..",
              "..summary.summarizer..",
              "..summary.config..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.newsbrief.proto..", "io.grpc..", "com.google.rpc..", "com.google.protobuf..");

  @ArchTest
  static final ArchRule summarizersAreIndependentOfStorage =
      noClasses()
          .that()
          .resideInAPackage("..summary.summarizer..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("..summary.repository..", "..summary.service..", "..summary.grpc..");
}
