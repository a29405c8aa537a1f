package io.newsbrief.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.newsbrief.launcher.LocalSuite;
import io.newsbrief.launcher.ServiceSpec;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * OpenTelemetry through the whole packaged suite, as k8s/components/tracing turns it on: the
 * services export OTLP (HTTP, protobuf) to a receiver in this test. One brief read through the
 * gateway, sent with a W3C {@code traceparent}, must come back as one trace — the same trace id —
 * with spans from the gateway, summary-service and article-service that form one tree.
 */
class TracingIT extends SuiteUnderTest {

  /** A span as received, with the service that exported it. */
  record ReceivedSpan(String service, Span span) {
    String spanId() {
      return HexFormat.of().formatHex(span.getSpanId().toByteArray());
    }

    String parentId() {
      return HexFormat.of().formatHex(span.getParentSpanId().toByteArray());
    }

    String traceId() {
      return HexFormat.of().formatHex(span.getTraceId().toByteArray());
    }
  }

  private final List<ReceivedSpan> received = new CopyOnWriteArrayList<>();
  private HttpServer receiver;

  TracingIT() {
    super("tracing", 8);
  }

  @Override
  void configure(LocalSuite suite) throws IOException {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/",
        exchange -> {
          try (InputStream body =
              decoded(
                  exchange.getRequestBody(),
                  exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
            collect(ExportTraceServiceRequest.parseFrom(body));
          }
          exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
          exchange.sendResponseHeaders(200, 0);
          exchange.getResponseBody().close();
        });
    receiver.start();
    String endpoint = "http://127.0.0.1:" + receiver.getAddress().getPort();
    for (ServiceSpec service : ServiceSpec.SUITE) {
      suite.override(service, "QUARKUS_OTEL_SDK_DISABLED", "false");
      suite.override(service, "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", endpoint);
      suite.override(service, "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf");
      suite.override(service, "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms");
    }
  }

  @AfterAll
  void stopReceiver() {
    if (receiver != null) {
      receiver.stop(0);
    }
  }

  @Test
  void oneRequestIsOneTraceAcrossAllThreeServices() throws Exception {
    String traceId = HexFormat.of().formatHex(randomBytes(16));
    String parentId = HexFormat.of().formatHex(randomBytes(8));
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            suite.baseUrl(ServiceSpec.GATEWAY)
                                + "/api/v1/articles/"
                                + UUID.randomUUID()
                                + "/brief"))
                    .header("traceparent", "00-" + traceId + "-" + parentId + "-01")
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(404);

    Set<String> services = Set.of("gateway", "summary-service", "article-service");
    // Each service exports its spans in batches as they end (a server span after its client
    // spans): wait until the whole trace has arrived, every service in it and no parent missing.
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () -> {
              List<ReceivedSpan> arrived = spansOf(traceId);
              assertThat(arrived.stream().map(ReceivedSpan::service).collect(Collectors.toSet()))
                  .containsAll(services);
              Set<String> ids =
                  arrived.stream().map(ReceivedSpan::spanId).collect(Collectors.toSet());
              // One tree: every span's parent is in the trace, except the gateway's, whose
              // parent is the caller's (the traceparent sent above).
              for (ReceivedSpan span : arrived) {
                assertThat(ids.contains(span.parentId()) || span.parentId().equals(parentId))
                    .as("%s %s has its parent in the trace", span.service(), span.span().getName())
                    .isTrue();
              }
            });

    List<ReceivedSpan> trace = spansOf(traceId);
    trace.forEach(
        span ->
            System.out.printf(
                "TRACE %s %-16s %-60s %s%n",
                span.spanId(), span.service(), span.span().getName(), span.span().getKind()));
    Map<String, Long> serverSpans =
        trace.stream()
            .filter(span -> span.span().getKind() == Span.SpanKind.SPAN_KIND_SERVER)
            .collect(Collectors.groupingBy(ReceivedSpan::service, Collectors.counting()));
    assertThat(serverSpans).containsKeys("gateway", "summary-service", "article-service");
  }

  private List<ReceivedSpan> spansOf(String traceId) {
    return received.stream().filter(span -> span.traceId().equals(traceId)).toList();
  }

  private void collect(ExportTraceServiceRequest request) {
    for (ResourceSpans resource : request.getResourceSpansList()) {
      String service =
          resource.getResource().getAttributesList().stream()
              .filter(attribute -> attribute.getKey().equals("service.name"))
              .map(KeyValue::getValue)
              .map(value -> value.getStringValue())
              .findFirst()
              .orElse("?");
      for (ScopeSpans scope : resource.getScopeSpansList()) {
        scope.getSpansList().forEach(span -> received.add(new ReceivedSpan(service, span)));
      }
    }
  }

  private static InputStream decoded(InputStream body, String encoding) throws IOException {
    return "gzip".equalsIgnoreCase(encoding) ? new GZIPInputStream(body) : body;
  }

  private static byte[] randomBytes(int count) {
    byte[] bytes = new byte[count];
    ThreadLocalRandom.current().nextBytes(bytes);
    return bytes;
  }
}
