package io.newsbrief.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.DynamicMessage;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.newsbrief.launcher.DynamicClient;
import io.newsbrief.launcher.GrpcCall;
import io.newsbrief.launcher.LocalSuite;
import io.newsbrief.launcher.ServiceSpec;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The suite as deployed (default write limits) against an unfriendly client: writes without or with
 * a wrong API key are refused and write nothing, a client over its write rate gets 429, errors
 * carry no stack trace, the gateway serves no gRPC, and no configured secret reaches a log.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityIT extends SuiteUnderTest {

  /** Secrets only this test knows; none may appear in a service's log. */
  private static final String DATABASE_PASSWORD = "db-pass-7f3c9e1a";

  private static final String LLM_API_KEY = "sk-llm-5d2b8f4e";
  private static final String WRONG_API_KEY = "wrong-key-91c4";
  private static final int WRITES_PER_MINUTE_PER_IP = 60;

  SecurityIT() {
    super("security", 4);
  }

  @Override
  void configure(LocalSuite suite) throws Exception {
    int nothingListens;
    try (ServerSocket socket = new ServerSocket(0)) {
      nothingListens = socket.getLocalPort();
    }
    for (ServiceSpec service : List.of(ServiceSpec.ARTICLES, ServiceSpec.SUMMARIES)) {
      // The embedded server trusts local connections: any password works, and this one is known.
      suite.override(service, "QUARKUS_DATASOURCE_PASSWORD", DATABASE_PASSWORD);
    }
    // An LLM that cannot be reached, so that its failures are logged.
    suite.override(
        ServiceSpec.SUMMARIES,
        "NEWSBRIEF_SUMMARY_LLM_BASE_URL",
        "http://localhost:" + nothingListens + "/v1");
    suite.override(ServiceSpec.SUMMARIES, "NEWSBRIEF_SUMMARY_LLM_API_KEY", LLM_API_KEY);
    suite.override(ServiceSpec.SUMMARIES, "NEWSBRIEF_SUMMARY_LLM_TIMEOUT", "2S");
  }

  @Test
  @Order(1)
  void writesWithoutOrWithAWrongKeyAreRefusedAndWriteNothing() throws Exception {
    Map<String, String> before = digest().settled();
    String article = GeneratedArticles.json("keys", 0);
    String feed = "{\"url\":\"http://localhost:9/feed.xml\"}";
    Map<String, Integer> answers = new TreeMap<>();
    // The key's hash (what the gateway is configured with) is not a key either.
    String hash = LocalSuite.sha256Hex(LocalSuite.LOCAL_API_KEY);
    for (String key :
        new String[] {null, "", WRONG_API_KEY, LocalSuite.LOCAL_API_KEY.toUpperCase(), hash}) {
      for (String[] write :
          List.of(
              new String[] {"POST", "/api/v1/articles", article},
              new String[] {"POST", "/api/v1/feeds", feed},
              new String[] {"DELETE", "/api/v1/feeds/9c9397ad-b691-4ea0-8df0-8ef1f1980da6", null},
              new String[] {"GET", "/api/v1/feeds", null})) {
        GatewayClient.Answer answer =
            gateway.send(write[0], write[1], write[2], "application/json", key);
        assertThat(answer.status()).as("%s %s with key %s", write[0], write[1], key).isIn(401, 403);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).doesNotContain("\tat ").doesNotContain("Exception");
        answers.merge(write[0] + " " + write[1] + " " + answer.status(), 1, Integer::sum);
      }
    }
    assertThat(digest().take()).isEqualTo(before);
    System.out.printf(
        "RELIABILITY security: writes without, with an empty, a wrong, a miscased key or the"
            + " key's configured hash: %s;"
            + " databases unchanged%n",
        answers);
  }

  @Test
  @Order(2)
  void aClientOverItsWriteRateGets429AndItsRefusedWritesStoreNothing() throws Exception {
    int attempts = WRITES_PER_MINUTE_PER_IP + 15;
    int accepted = 0;
    int limited = 0;
    long start = System.nanoTime();
    for (int n = 0; n < attempts; n++) {
      GatewayClient.Answer answer =
          gateway.post("/api/v1/articles", GeneratedArticles.json("rate", n));
      if (answer.status() == 429) {
        limited++;
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).contains("\"status\":429");
      } else {
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        accepted++;
      }
    }
    // A token bucket: a burst of the minute's allowance, then one more per elapsed second.
    long refilled = 1 + (System.nanoTime() - start) * WRITES_PER_MINUTE_PER_IP / 60_000_000_000L;
    assertThat(accepted).isLessThanOrEqualTo(WRITES_PER_MINUTE_PER_IP + (int) refilled);
    assertThat(limited).isPositive();
    assertThat(storedArticles("rate")).isEqualTo(accepted);
    System.out.printf(
        "RELIABILITY security: %d writes in a burst from one address: %d accepted, %d answered"
            + " 429 (problem+json); stored: %d%n",
        attempts, accepted, limited, storedArticles("rate"));
  }

  @Test
  @Order(3)
  void errorsCarryNoStackTraceAndTheGatewayServesNoGrpc() throws Exception {
    for (String[] request :
        List.of(
            new String[] {"GET", "/api/v1/nothing-here"},
            new String[] {"PUT", "/api/v1/articles"},
            new String[] {"GET", "/api/v1/articles/%00"},
            new String[] {"GET", "/q/nothing"})) {
      GatewayClient.Answer answer =
          gateway.send(request[0], request[1], "{\"url\":", "application/json", null);
      assertThat(answer.status()).as(request[1]).isBetween(400, 499);
      assertThat(answer.body()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    MethodDescriptor listArticles;
    ManagedChannel articles =
        ManagedChannelBuilder.forTarget(suite.grpcTarget(ServiceSpec.ARTICLES))
            .usePlaintext()
            .build();
    try {
      listArticles =
          GrpcCall.describe(articles, "newsbrief.article.v1.ArticleService")
              .findMethodByName("ListArticles");
    } finally {
      articles.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    ManagedChannel gatewayPort =
        ManagedChannelBuilder.forTarget(suite.grpcTarget(ServiceSpec.GATEWAY))
            .usePlaintext()
            .build();
    try {
      StatusRuntimeException reflection =
          catchThrowableOfType(StatusRuntimeException.class, () -> GrpcCall.services(gatewayPort));
      StatusRuntimeException forwarded =
          catchThrowableOfType(
              StatusRuntimeException.class,
              () ->
                  ClientCalls.blockingUnaryCall(
                      gatewayPort,
                      GrpcCall.grpcMethod(listArticles),
                      CallOptions.DEFAULT.withDeadlineAfter(5, TimeUnit.SECONDS),
                      DynamicMessage.getDefaultInstance(listArticles.getInputType())));
      assertThat(reflection).isNotNull();
      assertThat(forwarded).isNotNull();
      assertThat(forwarded.getStatus().getCode()).isNotEqualTo(Status.Code.OK);
      System.out.printf(
          "RELIABILITY security: gRPC on the gateway's port: reflection %s, ArticleService %s%n",
          reflection.getStatus().getCode(), forwarded.getStatus().getCode());
    } finally {
      gatewayPort.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  @Test
  @Order(4)
  void noSecretReachesALog() throws Exception {
    // Work that logs: a failing LLM call (made with its key) and a database outage.
    try (DynamicClient summaries = new DynamicClient(suite.grpcTarget(ServiceSpec.SUMMARIES))) {
      MethodDescriptor summarize =
          summaries.method("newsbrief.summary.v1.SummaryService", "Summarize");
      DynamicMessage answer =
          summaries.unary(
              summarize,
              DynamicClient.message(
                  summarize,
                  "{\"title\":\"Plan\",\"method\":\"llm\",\"text\":\"The council met. It approved"
                      + " the plan. Work starts soon.\"}"));
      DynamicMessage brief = (DynamicMessage) DynamicClient.field(answer, "brief");
      assertThat((String) DynamicClient.field(brief, "reason")).startsWith("llm");
    }
    suite.stopDatabase();
    assertThat(gateway.get("/api/v1/articles?q=plan").status()).isIn(200, 503);
    suite.startDatabase();

    Map<String, Integer> linesPerLog = new TreeMap<>();
    for (ServiceSpec service : ServiceSpec.SUITE) {
      String log = Files.readString(suite.logFile(service), StandardCharsets.UTF_8);
      assertThat(log).as(service.name() + " log").contains("started in");
      for (String secret :
          List.of(DATABASE_PASSWORD, LLM_API_KEY, WRONG_API_KEY, LocalSuite.LOCAL_API_KEY)) {
        assertThat(log).as(service.name() + " log").doesNotContain(secret);
      }
      linesPerLog.put(service.name(), (int) log.lines().count());
    }
    System.out.printf(
        "RELIABILITY security: logs scanned for the database password, the LLM key, the API key"
            + " and a wrong key a client sent: none found (lines: %s)%n",
        linesPerLog);
  }

  private int storedArticles(String run) throws Exception {
    try (var connection = suite.connect("articles");
        var query = connection.prepareStatement("SELECT count(*) FROM article WHERE url LIKE ?")) {
      query.setString(1, GeneratedArticles.urlPrefix(run) + "%");
      try (var row = query.executeQuery()) {
        row.next();
        return row.getInt(1);
      }
    }
  }
}
