package io.newsbrief.loadtest;

import com.google.gson.JsonObject;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.DynamicMessage;
import io.newsbrief.launcher.DynamicClient;
import io.newsbrief.launcher.LocalSuite;
import io.newsbrief.launcher.ServiceSpec;
import io.newsbrief.launcher.SuiteSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * {@code bench}: the performance figures of the suite, measured in one run on this machine and
 * printed as a Markdown table with each figure's target and, for the read path, its ratio to a bare
 * Quarkus REST endpoint started beside it. Nothing is asserted; compare within a run (2 noisy
 * cores). {@code --quick} uses smaller counts (as the test of this command does).
 */
final class BenchCommand {

  private static final String ARTICLES = "newsbrief.article.v1.ArticleService";
  private static final String SUMMARIES = "newsbrief.summary.v1.SummaryService";

  /** The suite's services and, last, the baseline they are compared with. */
  private static final List<ServiceSpec> MEASURED =
      List.of(
          ServiceSpec.ARTICLES,
          ServiceSpec.SUMMARIES,
          ServiceSpec.GATEWAY,
          ServiceSpec.HELLO_BASELINE);

  /** How much work each measurement does. */
  record Sizes(
      int imported,
      int requests,
      int jobsPerWorkerRun,
      List<Integer> scalingRows,
      Duration loadDuration,
      int loadRounds,
      int subscribers) {
    static final Sizes FULL =
        new Sizes(
            10_000,
            20_000,
            1_000,
            List.of(10_000, 100_000, 1_000_000),
            Duration.ofSeconds(5),
            3,
            1_000);

    /** The read path alone needs a feed, not a large ingest. */
    static final Sizes READ_PATH =
        new Sizes(1_000, 20_000, 1_000, List.of(), Duration.ofSeconds(5), 3, 1_000);

    static final Sizes QUICK =
        new Sizes(1_000, 2_000, 200, List.of(10_000), Duration.ofSeconds(2), 1, 100);
  }

  private final LocalSuite suite;
  private final SuiteSettings settings;
  private final Sizes sizes;
  private final BenchReport report = new BenchReport();
  private List<String> articleIds = List.of();

  BenchCommand(LocalSuite suite, SuiteSettings settings, Sizes sizes) {
    this.suite = suite;
    this.settings = settings;
    this.sizes = sizes;
  }

  static int run(String[] args) throws Exception {
    boolean readPathOnly = Arrays.asList(args).contains("--read-path");
    boolean writePathOnly = Arrays.asList(args).contains("--write-path");
    Sizes sizes =
        Arrays.asList(args).contains("--quick")
            ? Sizes.QUICK
            : readPathOnly ? Sizes.READ_PATH : Sizes.FULL;
    Path root = Path.of("").toAbsolutePath();
    SuiteSettings settings =
        new SuiteSettings(root, root.resolve("launcher/target/bench"), 15632, 21000);
    try (LocalSuite suite = new LocalSuite(settings)) {
      suite.start(true);
      BenchCommand bench = new BenchCommand(suite, settings, sizes);
      BenchReport report =
          readPathOnly
              ? bench.measureReadPath()
              : writePathOnly ? bench.measureWritePath() : bench.measureAll();
      String table = report.markdown();
      System.out.println();
      System.out.println(table);
      Files.writeString(settings.stateDir().resolve("performance.md"), table);
      System.out.println("(also in " + settings.stateDir().resolve("performance.md") + ")");
    } catch (LocalSuite.LaunchException e) {
      System.err.println("newsbrief: " + e.getMessage());
      return 1;
    }
    return 0;
  }

  /** Only what a phone sees: a small feed of finished briefs, then the read path. */
  BenchReport measureReadPath() throws Exception {
    ingestAndQueue();
    readPath();
    return report;
  }

  /** Only the write path: imports with the relay running, then a backlog drained. */
  BenchReport measureWritePath() throws Exception {
    importWithRelayRunning();
    ingestAndQueue();
    return report;
  }

  BenchReport measureAll() throws Exception {
    startUp();
    importWithRelayRunning();
    ingestAndQueue();
    summarizerPerCore();
    workers();
    readPath();
    memory();
    scaling();
    return report;
  }

  /** Time from launching each JVM to a ready answer, one service at a time on an idle machine. */
  private void startUp() throws Exception {
    for (ServiceSpec service : MEASURED) {
      Duration ready = suite.restart(service);
      report.add(
          "start-up",
          service.name()
              + ": launch → ready ("
              + (settings.runsNative(service) ? "native" : "JVM")
              + ")",
          String.format("%.2f s", ready.toMillis() / 1000.0),
          service == ServiceSpec.HELLO_BASELINE ? "baseline" : "< 1.5 s",
          service == ServiceSpec.HELLO_BASELINE ? "" : ready.toMillis() < 1500 ? "met" : "not met");
    }
  }

  /**
   * ImportArticles as in production: the relay asks for briefs while the import runs. Then the time
   * until every brief is made, from the import's start. Measured on services that already imported
   * (a long-running server's JIT-compiled code), once what that import caused is done.
   */
  private void importWithRelayRunning() throws Exception {
    warmUp("warm-up-live", "relay running");
    settle();
    long doneBefore = doneJobs();
    Imported imported = importGenerated("live", "relay running");
    double total = awaitDone(doneBefore + imported.created(), imported.startNanos());
    report.add(
        "summarize",
        "those " + imported.created() + " briefs made, from the import's start",
        String.format("%.0f briefs/s (%.2f s)", imported.created() / total, total),
        "–",
        "");
  }

  /** What an import of generated articles stored, and when it started. */
  private record Imported(int created, List<String> articleIds, long startNanos) {}

  /**
   * Services fresh from a (re)start run their first thousands of articles partly interpreted: an
   * import of half the measured size on the same JVMs comes first, reported as what it is, and
   * waits until its articles are in their stories.
   *
   * @return how many articles it created
   */
  private int warmUp(String run, String relayState) throws Exception {
    TimedImport warmUp = timedImport(run, sizes.imported() / 2);
    report.add(
        "ingest",
        "warm-up: ImportArticles, "
            + warmUp.created()
            + " articles, services fresh from a start ("
            + relayState
            + ")",
        String.format("%.0f articles/s (%.2f s)", warmUp.perSecond(), warmUp.seconds()),
        "–",
        "");
    awaitGrouped(warmUp.startNanos());
    return warmUp.created();
  }

  /**
   * An ImportArticles call, its messages built before the clock starts.
   *
   * @param cores the services' cores used during the call
   */
  private record TimedImport(
      DynamicMessage response, int created, long startNanos, double seconds, String cores) {
    double perSecond() {
      return created / seconds;
    }
  }

  private TimedImport timedImport(String run, int count) throws Exception {
    try (DynamicClient articles = new DynamicClient(suite.grpcTarget(ServiceSpec.ARTICLES))) {
      List<DynamicMessage> requests = importRequests(articles, run, count);
      CpuUse cpu = servicesCpu();
      cpu.start();
      long start = System.nanoTime();
      DynamicMessage response = importArticles(articles, requests);
      double seconds = (System.nanoTime() - start) / 1e9;
      String cores = cpu.coresUsed();
      int created = ((Number) DynamicClient.field(response, "created_count")).intValue();
      return new TimedImport(response, created, start, seconds, cores);
    }
  }

  /**
   * Waits until what earlier imports caused is done, so that it does not run during the next
   * measurement: every article in its story, no brief request due in the outbox, no job due in the
   * queue (story briefs remade at most once a minute may still wait).
   */
  private void settle() throws Exception {
    awaitUntil(
        "settled",
        () ->
            count("articles", "SELECT count(*) FROM article WHERE story_terms IS NULL") == 0
                && count(
                        "articles",
                        "SELECT (SELECT count(*) FROM brief_request WHERE run_after <= now())"
                            + " + (SELECT count(*) FROM story_brief_request"
                            + " WHERE run_after <= now())")
                    == 0
                && count(
                        "summaries",
                        "SELECT count(*) FROM brief_job WHERE state = 'RUNNING'"
                            + " OR (state = 'PENDING' AND run_after <= now())")
                    == 0,
        System.nanoTime());
  }

  /** An ImportArticles stream of {@code count} generated articles of run {@code run}. */
  private static List<DynamicMessage> importRequests(DynamicClient articles, String run, int count)
      throws Exception {
    MethodDescriptor importArticles = articles.method(ARTICLES, "ImportArticles");
    List<DynamicMessage> requests = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      requests.add(DynamicClient.message(importArticles, importJson(run, i)));
    }
    return requests;
  }

  private static DynamicMessage importArticles(
      DynamicClient articles, List<DynamicMessage> requests) throws Exception {
    return articles.clientStream(articles.method(ARTICLES, "ImportArticles"), requests);
  }

  /** ImportArticles of {@link Sizes#imported} articles of run {@code run}, reported. */
  private Imported importGenerated(String run, String relayState) throws Exception {
    TimedImport measured = timedImport(run, sizes.imported());
    int created = measured.created();
    report.add(
        "ingest",
        "ImportArticles, " + created + " articles streamed (batches of 500; " + relayState + ")",
        String.format("%.0f articles/s (%.2f s)", measured.perSecond(), measured.seconds()),
        "≥ 2,000/s",
        measured.perSecond() >= 2000 ? "met" : "not met");
    report.add("ingest", "cores used during that import", measured.cores(), "–", "");
    double grouped = awaitGrouped(measured.startNanos());
    report.add(
        "ingest",
        "those " + created + " articles each in its story, from the import's start",
        String.format("%.0f articles/s (%.2f s)", created / grouped, grouped),
        "–",
        "");
    List<String> ids = new ArrayList<>();
    for (Object result : (List<?>) DynamicClient.field(measured.response(), "results")) {
      ids.add((String) DynamicClient.field((DynamicMessage) result, "article_id"));
    }
    return new Imported(created, ids, measured.startNanos());
  }

  /**
   * ImportArticles of synthetic articles with the outbox relay paused (the write path alone: the
   * brief requests are stored, not yet sent), after a warm-up import; then the relay resumed and
   * the whole queue (both imports' briefs) drained by the default workers.
   */
  private void ingestAndQueue() throws Exception {
    settle();
    long doneBefore = doneJobs();
    relay(false);
    int warmedUp = warmUp("warm-up-ingest", "relay paused");
    Imported imported = importGenerated("ingest", "relay paused");
    int created = imported.created() + warmedUp;
    articleIds = imported.articleIds();
    relay(true);
    CpuUse cpu = servicesCpu();
    cpu.start();
    long storyBriefsBefore = doneStoryJobs();
    double drained = awaitDone(doneBefore + created, System.nanoTime());
    long storyBriefs = doneStoryJobs() - storyBriefsBefore;
    double briefsPerSecond = created / drained;
    report.add(
        "summarize",
        "queue of " + created + " drained end to end (outbox → summary-service → workers)",
        String.format("%.0f briefs/s (%.2f s)", briefsPerSecond, drained),
        "≥ 300/s",
        briefsPerSecond >= 300 ? "met" : "not met");
    report.add("summarize", "cores used during that drain", cpu.coresUsed(), "–", "");
    report.add(
        "summarize", "story briefs made during that drain (same queue)", storyBriefs + "", "–", "");
  }

  private CpuUse servicesCpu() {
    return new CpuUse(
        Map.of(
            "article-service", suite.pid(ServiceSpec.ARTICLES),
            "summary-service", suite.pid(ServiceSpec.SUMMARIES)));
  }

  private void relay(boolean enabled) throws Exception {
    suite.override(
        ServiceSpec.ARTICLES,
        "NEWSBRIEF_ARTICLES_BRIEF_REQUESTS_ENABLED",
        Boolean.toString(enabled));
    suite.restart(ServiceSpec.ARTICLES);
  }

  /** The built-in summarizer through the Summarize RPC, one call at a time: ≈ one core. */
  private void summarizerPerCore() throws Exception {
    try (DynamicClient summaries = new DynamicClient(suite.grpcTarget(ServiceSpec.SUMMARIES))) {
      MethodDescriptor summarize = summaries.method(SUMMARIES, "Summarize");
      List<DynamicMessage> texts = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        texts.add(DynamicClient.message(summarize, summarizeJson(i)));
      }
      texts.forEach(text -> summaries.unary(summarize, text));
      int calls = sizes.requests() / 10;
      long start = System.nanoTime();
      for (int i = 0; i < calls; i++) {
        summaries.unary(summarize, texts.get(i % texts.size()));
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      report.add(
          "summarize",
          "built-in summarizer (Summarize RPC, 1 caller, generated news texts)",
          String.format("%.0f briefs/s", calls / seconds),
          "per core",
          "");
    }
  }

  /** Jobs/s through the queue with 1 and then 2 workers (summary-service restarted for each). */
  private void workers() throws Exception {
    for (int workers : new int[] {1, 2}) {
      suite.override(
          ServiceSpec.SUMMARIES, "NEWSBRIEF_SUMMARY_JOBS_WORKERS", Integer.toString(workers));
      suite.restart(ServiceSpec.SUMMARIES);
      long doneBefore = doneJobs();
      try (DynamicClient articles = new DynamicClient(suite.grpcTarget(ServiceSpec.ARTICLES))) {
        List<DynamicMessage> requests =
            importRequests(articles, "workers" + workers, sizes.jobsPerWorkerRun());
        long start = System.nanoTime();
        importArticles(articles, requests);
        double seconds = awaitDone(doneBefore + sizes.jobsPerWorkerRun(), start);
        report.add(
            "summarize",
            "jobs end to end with " + workers + " worker" + (workers == 1 ? "" : "s"),
            String.format("%.0f jobs/s", sizes.jobsPerWorkerRun() / seconds),
            "–",
            "");
      }
    }
  }

  /**
   * The gateway's reads as a phone makes them (hey: gzip, If-None-Match), against its own {@code
   * /q/health/live}; then live updates with many subscribers.
   */
  private void readPath() throws Exception {
    String gateway = suite.baseUrl(ServiceSpec.GATEWAY);
    new PhoneReadPath(Hey.installed(), gateway, sizes.loadDuration(), sizes.loadRounds())
        .measure(articleIds.get(0), report);
    int withdrawn = Math.min(21, articleIds.size() - 1);
    new LiveUpdatesProbe(gateway, LocalSuite.LOCAL_API_KEY)
        .measure(sizes.subscribers(), articleIds.subList(1, 1 + withdrawn), report);
  }

  private void memory() throws Exception {
    for (ServiceSpec service : MEASURED) {
      long kib = suite.residentKib(service);
      report.add(
          "memory",
          service.name() + ": RSS after the load",
          kib / 1024 + " MB",
          service == ServiceSpec.HELLO_BASELINE ? "baseline" : "< 200 MB",
          service == ServiceSpec.HELLO_BASELINE ? "" : kib < 200 * 1024 ? "met" : "not met");
    }
  }

  /** List and search times as synthetic rows grow the article table. */
  private void scaling() throws Exception {
    try (DynamicClient articles = new DynamicClient(suite.grpcTarget(ServiceSpec.ARTICLES));
        Connection database = suite.connect("articles")) {
      MethodDescriptor list = articles.method(ARTICLES, "ListArticles");
      MethodDescriptor search = articles.method(ARTICLES, "SearchArticles");
      for (int rows : sizes.scalingRows()) {
        long total = SyntheticRows.fill(database, rows);
        DynamicMessage firstPage = DynamicClient.message(list, "{\"pageSize\": 20}");
        DynamicMessage deepPage = DynamicClient.message(list, pageAfter(articles, list, 50));
        DynamicMessage common =
            DynamicClient.message(search, "{\"query\": \"harbour\", \"pageSize\": 20}");
        DynamicMessage rare =
            DynamicClient.message(search, "{\"query\": \"777\", \"pageSize\": 20}");
        report.add(
            "scaling",
            String.format("%,d rows: ListArticles page 1 / page 51 (cursor)", total),
            String.format(
                "%.1f / %.1f ms",
                medianMillis(() -> articles.unary(list, firstPage)),
                medianMillis(() -> articles.unary(list, deepPage))),
            "flat",
            "");
        report.add(
            "scaling",
            String.format("%,d rows: SearchArticles common word / rare word", total),
            String.format(
                "%.1f / %.1f ms",
                medianMillis(() -> articles.unary(search, common)),
                medianMillis(() -> articles.unary(search, rare))),
            "–",
            "");
      }
    }
  }

  /** The request for the page after {@code pages} pages of 20, newest first. */
  private static String pageAfter(DynamicClient articles, MethodDescriptor list, int pages)
      throws Exception {
    String token = "";
    for (int i = 0; i < pages; i++) {
      DynamicMessage page =
          articles.unary(
              list,
              DynamicClient.message(list, "{\"pageSize\": 20, \"pageToken\": \"" + token + "\"}"));
      token = (String) DynamicClient.field(page, "next_page_token");
    }
    return "{\"pageSize\": 20, \"pageToken\": \"" + token + "\"}";
  }

  private static double medianMillis(Supplier<?> call) {
    for (int i = 0; i < 3; i++) {
      call.get();
    }
    double[] millis = new double[15];
    for (int i = 0; i < millis.length; i++) {
      long start = System.nanoTime();
      call.get();
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(millis);
    return millis[millis.length / 2];
  }

  /** Waits until the summaries database has {@code target} finished jobs. */
  private double awaitDone(long target, long startNanos) throws Exception {
    return awaitUntil("briefs", () -> doneJobs() >= target, startNanos);
  }

  /** Waits until every stored article has its story (imports are grouped after they commit). */
  private double awaitGrouped(long startNanos) throws Exception {
    return awaitUntil(
        "stories",
        () -> count("articles", "SELECT count(*) FROM article WHERE story_terms IS NULL") == 0,
        startNanos);
  }

  /** Polls {@code done} every 50 ms for up to 15 minutes; seconds from {@code startNanos}. */
  private static double awaitUntil(String what, Callable<Boolean> done, long startNanos)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
    while (!done.call()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(what + " not done within 15 minutes");
      }
      Thread.sleep(50);
    }
    return (System.nanoTime() - startNanos) / 1e9;
  }

  /** Finished article briefs (story briefs share the queue; they are counted apart). */
  private long doneJobs() throws Exception {
    return count(
        "summaries",
        "SELECT count(*) FROM brief_job WHERE state = 'DONE' AND article_id IS NOT NULL");
  }

  private long doneStoryJobs() throws Exception {
    return count(
        "summaries",
        "SELECT count(*) FROM brief_job WHERE state = 'DONE' AND story_id IS NOT NULL");
  }

  private long count(String database, String sql) throws Exception {
    try (Connection connection = suite.connect(database);
        Statement statement = connection.createStatement();
        ResultSet count = statement.executeQuery(sql)) {
      count.next();
      return count.getLong(1);
    }
  }

  /** An ImportArticles request body (proto JSON) for generated article {@code i} of a run. */
  private static String importJson(String run, int i) {
    JsonObject article = GeneratedArticles.article(run, i);
    article.addProperty("language", "en");
    JsonObject request = new JsonObject();
    request.add("article", article);
    return request.toString();
  }

  /** A Summarize request body: the title and text of generated article {@code i}. */
  private static String summarizeJson(int i) {
    JsonObject article = GeneratedArticles.article("summarize", i);
    JsonObject request = new JsonObject();
    request.add("title", article.get("title"));
    request.add("text", article.get("text"));
    return request.toString();
  }
}
