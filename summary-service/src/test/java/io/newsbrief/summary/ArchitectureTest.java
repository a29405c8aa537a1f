package io.newsbrief.summary;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import io.newsbrief.testing.ArchitectureRules;

/** The shared layering (gRPC at the edges, storage at the bottom); summarizers know no storage. */
@AnalyzeClasses(
    packages = ArchitectureTest.SERVICE,
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  static final String SERVICE = "io.newsbrief.summary";

  @ArchTest static final ArchTests layering = ArchTests.in(ArchitectureRules.class);

  @ArchTest
  static final ArchRule summarizersAreIndependentOfStorage =
      noClasses()
          .that()
          .resideInAPackage(SERVICE + ".summarizer..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              SERVICE + ".repository..", SERVICE + ".service..", SERVICE + ".grpc..");
}
