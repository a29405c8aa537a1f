package io.newsbrief.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The CLI against a real gRPC server with reflection, over a real channel. */
class GrpcCallTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private Server server;

  @BeforeEach
  void startServer() throws Exception {
    HealthStatusManager health = new HealthStatusManager();
    health.setStatus("newsbrief.Test", ServingStatus.SERVING);
    server =
        Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create())
            .addService(health.getHealthService())
            .addService(ProtoReflectionServiceV1.newInstance())
            .build()
            .start();
  }

  @AfterEach
  void stopServer() throws InterruptedException {
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  private int call(String... args) throws Exception {
    return GrpcCall.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void callsAUnaryMethodWithJsonAndPrintsJson() throws Exception {
    int exit =
        call(
            "localhost:" + server.getPort(),
            "grpc.health.v1.Health/Check",
            "{\"service\":\"newsbrief.Test\"}");

    assertThat(exit).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"status\": \"SERVING\"");
  }

  @Test
  void reportsTheStatusOfAFailedCall() throws Exception {
    int exit =
        call(
            "localhost:" + server.getPort(),
            "grpc.health.v1.Health/Check",
            "{\"service\":\"unknown\"}");

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("ERROR NOT_FOUND");
  }

  @Test
  void rejectsUnknownMethodsAndBadJson() throws Exception {
    assertThat(call("localhost:" + server.getPort(), "grpc.health.v1.Health/Nope")).isEqualTo(2);
    assertThat(call("localhost:" + server.getPort(), "grpc.health.v1.Health/Check", "{not json"))
        .isEqualTo(2);
    assertThat(call("localhost:" + server.getPort())).isEqualTo(2);
  }

  @Test
  void splitsAJsonArrayIntoItsObjects() throws Exception {
    assertThat(GrpcCall.splitJsonArray("[{\"a\":{\"b\":1}}, {\"c\":\"}{\\\"\"}]"))
        .containsExactly("{\"a\":{\"b\":1}}", "{\"c\":\"}{\\\"\"}");
  }
}
