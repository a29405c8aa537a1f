package io.newsbrief.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.DynamicMessage;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.newsbrief.launcher.GrpcCall;
import io.newsbrief.launcher.LocalSuite;
import io.newsbrief.launcher.ServiceSpec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

/**
 * A fuzz campaign (fixed seed, bounded count) on the running suite: every gateway endpoint and
 * every gRPC method of both services gets random, oversized, Unicode, malformed, injection- and
 * markup-shaped input. Every answer is a 2xx/3xx/4xx (gRPC: never INTERNAL, UNKNOWN, DATA_LOSS or
 * UNIMPLEMENTED) without a stack trace, and a rejected request leaves both databases exactly as
 * they were.
 */
class BadInputIT extends SuiteUnderTest {

  private static final long SEED = 20261128L;
  private static final int HTTP_CASES = 360;
  private static final int MESSAGES_PER_METHOD = 12;
  private static final int RAW_MESSAGES_PER_METHOD = 4;
  private static final Set<Status.Code> SERVER_FAULTS =
      Set.of(
          Status.Code.INTERNAL,
          Status.Code.UNKNOWN,
          Status.Code.DATA_LOSS,
          Status.Code.UNIMPLEMENTED,
          Status.Code.UNAVAILABLE);
  private static final List<String> LEAKS =
      List.of("\tat ", "Exception", "SQLState", "org.postgresql", "org.hibernate", "io.quarkus");

  private final List<String> articleIds = new ArrayList<>();

  BadInputIT() {
    super("bad-input", 3);
  }

  /** One generated request: method, path with query, body (or null), content type (or null). */
  private record HttpCase(String endpoint, String method, String path, String body, String type) {
    boolean isWrite() {
      return !method.equals("GET");
    }
  }

  @Override
  void configure(LocalSuite suite) {
    suite.liftWriteLimits();
  }

  @Override
  void started() throws Exception {
    for (int n = 0; n < 3; n++) {
      articleIds.add(gateway.submitUntilAccepted("fuzz-seed", n, Duration.ofSeconds(10)).id());
    }
    digest().settled();
  }

  @Test
  void everyGatewayEndpointRejectsBadInputWithA4xxProblemAndChangesNothing() throws Exception {
    HostileInput input = new HostileInput(SEED);
    List<Function<HostileInput, HttpCase>> endpoints = gatewayEndpoints();
    Map<String, Integer> tally = new TreeMap<>();
    int accepted = 0;
    Map<String, String> before = digest().take();
    for (int i = 0; i < HTTP_CASES; i++) {
      HttpCase request = endpoints.get(i % endpoints.size()).apply(input);
      GatewayClient.Answer answer =
          gateway.send(
              request.method(),
              request.path(),
              request.body(),
              request.type(),
              LocalSuite.LOCAL_API_KEY);
      String what = "case " + i + ": " + request.method() + " " + request.path();
      assertThat(answer.status()).as(what + ": " + answer.body()).isBetween(200, 499);
      LEAKS.forEach(leak -> assertThat(answer.body()).as(what).doesNotContain(leak));
      // 414 (request line too long) comes from the HTTP server itself, before any route: a clear
      // status without a body.
      if (answer.status() >= 400 && answer.status() != 414 && request.path().startsWith("/api/")) {
        assertThat(answer.contentType())
            .as(what + " answered " + answer.status())
            .startsWith("application/problem+json");
      }
      tally.merge(request.endpoint() + " " + answer.status(), 1, Integer::sum);
      if (request.isWrite()) {
        if (answer.status() >= 400) {
          assertThat(digest().take()).as("databases after the rejected " + what).isEqualTo(before);
        } else {
          accepted++;
          before = digest().settled();
        }
      }
    }
    System.out.printf(
        "RELIABILITY fuzz gateway: %d requests (seed %d) over %d endpoints, no 5xx, every API"
            + " error problem+json without internals, %d writes accepted, every rejected write left"
            + " the databases unchanged; answers: %s%n",
        HTTP_CASES, SEED, endpoints.size(), accepted, tally);
  }

  /**
   * Control characters (NUL and other C0 controls but tab and line breaks), lone surrogates and
   * over-long values, in every string parameter of every read and in JSON bodies: each a 400 naming
   * the field, never a 5xx, and a burst of them opens no circuit breaker — valid reads after it
   * succeed. (Before #22 one anonymous {@code ?q=%00} was a 503, and a burst took search down.)
   */
  @Test
  void controlCharactersAreBadRequestsAndLeaveTheBreakersClosed() {
    List<String> reads =
        List.of(
            "/api/v1/briefs?q=",
            "/api/v1/briefs?source=",
            "/api/v1/briefs?language=",
            "/api/v1/briefs?cursor=",
            "/api/v1/briefs?changedSince=",
            "/api/v1/articles?q=",
            "/api/v1/articles?source=",
            "/api/v1/articles?cursor=",
            "/api/v1/stories?q=",
            "/api/v1/stories?language=",
            "/api/v1/stories?cursor=");
    List<String> values =
        // A lone surrogate cannot travel in a URL (its UTF-8 bytes decode to U+FFFD): the JSON
        // bodies below and the gRPC fuzz carry those.
        List.of("%00", "a%00b", "%01", "%1B%5B2J", "%7F", "x".repeat(1_100));
    int refused = 0;
    for (int burst = 0; burst < 3; burst++) {
      for (String read : reads) {
        for (String value : values) {
          GatewayClient.Answer answer = gateway.get(read + value);
          String what = read + value;
          assertThat(answer.status()).as(what + ": " + answer.body()).isEqualTo(400);
          assertThat(answer.contentType()).as(what).startsWith("application/problem+json");
          assertThat(answer.body()).as(what).contains("\"field\"");
          refused++;
        }
      }
    }
    // Article content is different: feeds carry stray controls, so they are stripped, not refused.
    int stripped = 0;
    for (String field : List.of("title", "text", "sourceName")) {
      for (String value : List.of("\\u0000", "\\u0007", "\\ud800")) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("url", "\"https://example.com/control-" + stripped + "\"");
        fields.put("title", "\"Title\"");
        fields.put("text", "\"Some text of the article.\"");
        fields.put(field, "\"a" + value + "b\"");
        StringJoiner body = new StringJoiner(", ", "{", "}");
        fields.forEach((name, json) -> body.add("\"" + name + "\": " + json));
        GatewayClient.Answer answer =
            gateway.send(
                "POST",
                "/api/v1/articles",
                body.toString(),
                "application/json",
                LocalSuite.LOCAL_API_KEY);
        assertThat(answer.status()).as(field + " " + value + ": " + answer.body()).isEqualTo(201);
        java.util.regex.Matcher id =
            java.util.regex.Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(answer.body());
        assertThat(id.find()).as(answer.body()).isTrue();
        String stored = gateway.get("/api/v1/articles/" + id.group(1)).body();
        assertThat(stored).as(field).doesNotContain("\\u0000", "\\u0007", "\\ud800");
        stripped++;
      }
    }
    for (String valid :
        List.of("/api/v1/briefs?q=harbour", "/api/v1/articles?q=harbour", "/api/v1/stories")) {
      assertThat(gateway.get(valid).status()).as(valid + " after the burst").isEqualTo(200);
    }
    System.out.printf(
        "RELIABILITY control characters: %d reads refused with 400 naming the field, %d article"
            + " bodies stored with the controls stripped; valid searches still 200 (no breaker"
            + " opened)%n",
        refused, stripped);
  }

  @Test
  void everyGrpcMethodRejectsBadMessagesWithoutAServerFaultAndChangesNothing() throws Exception {
    HostileInput input = new HostileInput(SEED + 1);
    Map<String, Integer> tally = new TreeMap<>();
    int calls = 0;
    int methods = 0;
    Map<String, String> before = digest().take();
    for (ServiceSpec service : List.of(ServiceSpec.ARTICLES, ServiceSpec.SUMMARIES)) {
      ManagedChannel channel =
          ManagedChannelBuilder.forTarget(suite.grpcTarget(service)).usePlaintext().build();
      try {
        for (String serviceName : GrpcCall.services(channel)) {
          if (!serviceName.startsWith("newsbrief.")) {
            continue;
          }
          for (MethodDescriptor method : GrpcCall.describe(channel, serviceName).getMethods()) {
            methods++;
            for (int i = 0; i < MESSAGES_PER_METHOD + RAW_MESSAGES_PER_METHOD; i++) {
              Status status =
                  i < MESSAGES_PER_METHOD
                      ? call(channel, GrpcCall.grpcMethod(method), method, messages(input, method))
                      : call(channel, rawMethod(method), method, List.of(rawMessage(input, i)));
              calls++;
              String what = method.getFullName() + " case " + i + ": " + status;
              assertThat(status.getCode()).as(what).isNotIn(SERVER_FAULTS);
              assertThat(String.valueOf(status.getDescription()))
                  .as(what)
                  .doesNotContain("Exception")
                  .doesNotContain("\tat ");
              tally.merge(method.getName() + " " + status.getCode(), 1, Integer::sum);
              if (status.isOk()) {
                before = digest().settled();
              } else {
                assertThat(digest().take()).as("databases after " + what).isEqualTo(before);
              }
            }
          }
        }
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
    assertThat(methods).isGreaterThanOrEqualTo(20);
    System.out.printf(
        "RELIABILITY fuzz gRPC: %d calls (seed %d) over %d methods, random and undecodable"
            + " messages: no INTERNAL/UNKNOWN/DATA_LOSS, every rejected call left the databases"
            + " unchanged; codes: %s%n",
        calls, SEED + 1, methods, tally);
  }

  @Test
  void storedMarkupIsShownAsTextOnTheWebPages() throws Exception {
    String script = "<script>alert('x')</script>";
    String body =
        "{\"url\":\"https://fuzz.example.org/markup\",\"title\":\"Title "
            + script
            + "\",\"sourceName\":\"<b>Desk</b>\",\"text\":\""
            + GeneratedArticles.json("markup", 0)
                .replaceAll("(?s).*\"text\":\"", "")
                .replaceAll("\"}$", "")
                .replace("Monday.", "Monday. " + script.replace("'", "\\u0027"))
            + "\"}";
    GatewayClient.Answer created = gateway.post("/api/v1/articles", body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id =
        com.google.gson.JsonParser.parseString(created.body())
            .getAsJsonObject()
            .get("id")
            .getAsString();
    digest().settled();

    String page = gateway.get("/briefs/" + id).body();
    assertThat(page).doesNotContain("<script>").contains("&lt;script&gt;");
    Document parsed = Jsoup.parse(page);
    assertThat(parsed.select("script")).isEmpty();
    assertThat(parsed.selectFirst("article h1").text()).isEqualTo("Title " + script);
    // The feed page's one script is its own live-update notice; the stored markup is text there.
    String feed = gateway.get("/").body();
    assertThat(feed).doesNotContain(script).doesNotContain("<b>Desk</b>");
    Elements scripts = Jsoup.parse(feed).select("script");
    assertThat(scripts).hasSize(1);
    assertThat(scripts.first().data()).contains("EventSource").doesNotContain("alert");
  }

  private List<Function<HostileInput, HttpCase>> gatewayEndpoints() {
    return List.of(
        h ->
            get(
                "feed",
                "/api/v1/briefs?cursor="
                    + q(h.string())
                    + "&limit="
                    + q(h.string())
                    + "&source="
                    + q(h.string())
                    + "&language="
                    + q(h.string())),
        h -> get("brief", "/api/v1/articles/" + q(id(h)) + "/brief"),
        h -> get("article", "/api/v1/articles/" + q(id(h))),
        h ->
            get(
                "search",
                "/api/v1/articles?q="
                    + q(h.string())
                    + "&source="
                    + q(h.string())
                    + "&limit="
                    + q(h.string())
                    + "&cursor="
                    + q(h.string())),
        h -> write("submit", "POST", "/api/v1/articles", articleBody(h), h),
        h -> get("feeds", "/api/v1/feeds?limit=" + q(h.string()) + "&cursor=" + q(h.string())),
        h -> write("add-feed", "POST", "/api/v1/feeds", feedBody(h), h),
        h -> get("feed-status", "/api/v1/feeds/" + q(h.id())),
        h -> write("remove-feed", "DELETE", "/api/v1/feeds/" + q(h.id()), null, h),
        h ->
            write(
                "feed-action",
                "POST",
                "/api/v1/feeds/" + q(h.id()) + "/" + h.pick(List.of("pause", "resume", "refresh")),
                h.nextInt(2) == 0 ? null : h.string(),
                h),
        h -> get("web-feed", "/?cursor=" + q(h.string())),
        h -> get("web-brief", "/briefs/" + q(id(h))));
  }

  private String id(HostileInput h) {
    return h.nextInt(4) == 0 ? h.pick(articleIds) + h.pick(List.of("", "x", "/..", " ")) : h.id();
  }

  private static HttpCase get(String endpoint, String path) {
    return new HttpCase(endpoint, "GET", path, null, null);
  }

  private static HttpCase write(
      String endpoint, String method, String path, String body, HostileInput h) {
    String type =
        h.nextInt(8) == 0
            ? h.pick(List.of("text/plain", "application/xml", ""))
            : "application/json";
    return new HttpCase(endpoint, method, path, body, type.isEmpty() ? null : type);
  }

  /** Broken JSON, fields of the wrong type, one hostile field in a valid article, or 6 MB. */
  private static String articleBody(HostileInput h) {
    return switch (h.nextInt(5)) {
      case 0 -> h.string();
      case 1 ->
          "{\"url\":"
              + h.jsonValue()
              + ",\"title\":"
              + h.jsonValue()
              + ",\"text\":"
              + h.jsonValue()
              + ",\"publishedAt\":"
              + h.jsonValue()
              + ",\"language\":"
              + h.jsonValue()
              + "}";
      case 2 ->
          "{\"url\":\"https://fuzz.example.org/big\",\"text\":\"" + "x".repeat(6_000_000) + "\"}";
      default -> {
        com.google.gson.JsonObject article =
            com.google.gson.JsonParser.parseString(
                    GeneratedArticles.json("fuzz", h.nextInt(1_000_000)))
                .getAsJsonObject();
        String field =
            h.pick(
                List.of(
                    "url",
                    "title",
                    "text",
                    "sourceName",
                    "language",
                    "publishedAt",
                    "byline",
                    "html"));
        article.addProperty(field, h.string());
        yield article.toString();
      }
    };
  }

  private static String feedBody(HostileInput h) {
    return h.nextInt(3) == 0
        ? h.string()
        : "{\"url\":"
            + h.jsonValue()
            + ",\"pollIntervalSeconds\":"
            + h.jsonValue()
            + ",\"sourceName\":"
            + h.jsonValue()
            + "}";
  }

  private static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static List<DynamicMessage> messages(HostileInput input, MethodDescriptor method) {
    int count = method.isClientStreaming() ? 1 + input.nextInt(3) : 1;
    List<DynamicMessage> messages = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      messages.add(input.message(method.getInputType()));
    }
    return messages;
  }

  /** Bytes that are seldom a valid message; the last one is larger than any server accepts. */
  private static byte[] rawMessage(HostileInput input, int i) {
    return i == MESSAGES_PER_METHOD + RAW_MESSAGES_PER_METHOD - 1
        ? input.bytes(5 * 1024 * 1024)
        : input.bytes(1 + input.nextInt(64));
  }

  /**
   * Makes one call and returns its status; a server stream counts as answered (OK) at its first
   * message, and may end at its short deadline (DEADLINE_EXCEEDED) while waiting for changes. A
   * client stream whose message the server could not decode waits for more until its deadline.
   */
  private static <Q, R> Status call(
      ManagedChannel channel,
      io.grpc.MethodDescriptor<Q, R> grpcMethod,
      MethodDescriptor method,
      List<Q> requests)
      throws Exception {
    long deadlineMillis =
        method.isServerStreaming() ? 500 : method.isClientStreaming() ? 3_000 : 10_000;
    ClientCall<Q, R> call =
        channel.newCall(
            grpcMethod,
            CallOptions.DEFAULT.withDeadlineAfter(deadlineMillis, TimeUnit.MILLISECONDS));
    CompletableFuture<Status> outcome = new CompletableFuture<>();
    call.start(
        new ClientCall.Listener<R>() {
          @Override
          public void onMessage(R message) {
            if (method.isServerStreaming()) {
              outcome.complete(Status.OK);
            }
          }

          @Override
          public void onClose(Status status, Metadata trailers) {
            outcome.complete(status);
          }
        },
        new Metadata());
    call.request(1);
    requests.forEach(call::sendMessage);
    call.halfClose();
    Status status = outcome.get(deadlineMillis + 10_000, TimeUnit.MILLISECONDS);
    call.cancel("the fuzz case is over", null);
    return status;
  }

  /** The method with bytes in and out, to send what no client library would. */
  private static io.grpc.MethodDescriptor<byte[], byte[]> rawMethod(MethodDescriptor method) {
    io.grpc.MethodDescriptor.Marshaller<byte[]> bytes =
        new io.grpc.MethodDescriptor.Marshaller<>() {
          @Override
          public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
          }

          @Override
          public byte[] parse(InputStream stream) {
            try {
              return stream.readAllBytes();
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }
        };
    return GrpcCall.grpcMethod(method).toBuilder(bytes, bytes).build();
  }
}
