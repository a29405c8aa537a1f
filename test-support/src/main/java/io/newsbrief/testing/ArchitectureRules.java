package io.newsbrief.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering every service keeps, for its ArchitectureTest: gRPC lives at the edges (the server
 * side in {@code grpc}, the calls to other services in {@code client}); the core, where the use
 * cases, rules and storage are, knows nothing of the transport.
 */
public final class ArchitectureRules {

  private static final String[] TRANSPORT = {
    "io.newsbrief.proto..",
    "io.grpc..",
    "io.quarkus.grpc..",
    "grpc..",
    "com.google.rpc..",
    "com.google.protobuf..",
    "io.newsbrief.commons.grpc.."
  };

  private ArchitectureRules() {}

  /** Only {@code grpc} and {@code client} may use proto types, gRPC or its status details. */
  public static ArchRule transportStaysAtTheEdges(String servicePackage) {
    return noClasses()
        .that()
        .resideInAPackage(servicePackage + "..")
        .and()
        .resideOutsideOfPackages(servicePackage + ".grpc..", servicePackage + ".client..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(TRANSPORT)
        .because("the edges translate gRPC into the service's own types and failures");
  }

  /** The gRPC services call the core, never the other way round. */
  public static ArchRule nothingCallsTheServerEdge(String servicePackage) {
    return noClasses()
        .that()
        .resideInAPackage(servicePackage + "..")
        .and()
        .resideOutsideOfPackage(servicePackage + ".grpc..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(servicePackage + ".grpc..");
  }

  /** Storage is the bottom layer: it knows no use case and no edge. */
  public static ArchRule repositoryKnowsNoUseCase(String servicePackage) {
    return noClasses()
        .that()
        .resideInAPackage(servicePackage + ".repository..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            servicePackage + ".service..",
            servicePackage + ".grpc..",
            servicePackage + ".client..");
  }
}
