package io.newsbrief.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * gRPC stays at the edge: only the {@code client} package knows the proto types, gRPC and its
 * status details; everything above it speaks the API model and the client's own failure types.
 */
@AnalyzeClasses(
    packages = "io.newsbrief.gateway",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule grpcStaysInTheClients =
      noClasses()
          .that()
          .resideOutsideOfPackage("..gateway.client..")
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
          .because("the client package converts gRPC answers and failures into the API's terms");

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
