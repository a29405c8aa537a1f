package io.newsbrief.article;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import io.newsbrief.testing.ArchitectureRules;

/**
 * The shared layering (gRPC at the edges, storage at the bottom) over every package, feed, fetch
 * and story included; and the building blocks of the feed pipeline stay independent of it.
 */
@AnalyzeClasses(
    packages = ArchitectureTest.SERVICE,
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  static final String SERVICE = "io.newsbrief.article";

  @ArchTest static final ArchTests layering = ArchTests.in(ArchitectureRules.class);

  /** Fetching (HTTP, SSRF guard, validators) and extraction serve feeds and articles alike. */
  @ArchTest
  static final ArchRule fetchAndExtractionStandAlone =
      noClasses()
          .that()
          .resideInAnyPackage(SERVICE + ".fetch..", SERVICE + ".extraction..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              SERVICE + ".feed..",
              SERVICE + ".service..",
              SERVICE + ".story..",
              SERVICE + ".repository..",
              SERVICE + ".client..");

  /** Story grouping works on articles as stored; it does not know where they came from. */
  @ArchTest
  static final ArchRule storiesKnowOnlyStoredArticles =
      noClasses()
          .that()
          .resideInAPackage(SERVICE + ".story..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              SERVICE + ".feed..",
              SERVICE + ".fetch..",
              SERVICE + ".service..",
              SERVICE + ".client..");
}
