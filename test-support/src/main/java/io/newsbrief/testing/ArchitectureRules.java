package io.newsbrief.testing;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering every service keeps, included by each service's ArchitectureTest with {@code
 * ArchTests.in(ArchitectureRules.class)}: gRPC lives at the edges (the server side in {@code grpc},
 * the calls to other services in {@code client}); the core, where the use cases, rules and storage
 * are, knows nothing of the transport.
 */
public final class ArchitectureRules {

  private ArchitectureRules() {}

  /** Only {@code grpc} and {@code client} may use proto types, gRPC or its status details. */
  @ArchTest
  public static final ArchRule transportStaysAtTheEdges =
      noClasses()
          .that()
          .resideOutsideOfPackages("..grpc..", "..client..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.newsbrief.proto..",
              "io.grpc..",
              "io.quarkus.grpc..",
              "grpc..",
              "com.google.rpc..",
              "com.google.protobuf..",
              "io.newsbrief.commons.grpc..")
          .because("the edges translate gRPC into the service's own types and failures");

  /** The gRPC services call the core, never the other way round. */
  @ArchTest
  public static final ArchRule nothingCallsTheServerEdge =
      noClasses()
          .that()
          .resideOutsideOfPackage("..grpc..")
          .should()
          .dependOnClassesThat(
              resideInAPackage("io.newsbrief..grpc..")
                  .and(resideOutsideOfPackage("io.newsbrief.commons..")));

  /** Storage is the bottom layer: it knows no use case and no edge. */
  @ArchTest
  public static final ArchRule repositoryKnowsNoUseCase =
      noClasses()
          .that()
          .resideInAPackage("..repository..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.newsbrief..service..", "io.newsbrief..grpc..", "io.newsbrief..client..")
          .allowEmptyShould(true); // a service without storage (the gateway) passes
}
