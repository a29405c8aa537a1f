package io.newsbrief.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Renders each overlay with {@code kubectl kustomize} (no warnings allowed), reads every object
 * into its schema — the Kubernetes and Prometheus Operator models, {@link CloudNativePgSchema} for
 * CloudNativePG — and checks the manifests against the services' own configuration and the
 * operational rules in k8s/README.md: autoscaled counts, shutdown timing, the connection budget,
 * one migration per rollout, balanced gRPC, the Ingress body limit.
 */
class ManifestsTest {

  private static final List<String> SERVICES =
      List.of("article-service", "summary-service", "gateway");
  private static final Map<String, String> DATABASE_OF =
      Map.of("article-service", "articles-db", "summary-service", "summaries-db");
  private static final Pattern PROPERTY =
      Pattern.compile("^#?\\s*([a-z][a-z0-9.\\-]*)\\s*=", Pattern.MULTILINE);

  /** Connections each PostgreSQL keeps for superusers, replication and the operator. */
  private static final int RESERVED_CONNECTIONS = 10;

  /** PostgreSQL's default when a cluster does not set max_connections. */
  private static final int DEFAULT_MAX_CONNECTIONS = 100;

  @BeforeAll
  static void kubectlIsThere() {
    Kubectl.assumeInstalled();
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void everyObjectFitsItsSchema(String overlay) throws Exception {
    List<HasMetadata> objects = Overlay.of(overlay).objects();
    assertThat(objects).isNotEmpty();
    for (HasMetadata object : objects) {
      String what = object.getKind() + " " + object.getMetadata().getName();
      if (object instanceof GenericKubernetesResource custom) {
        assertThatCode(() -> CloudNativePgSchema.validate(custom))
            .as(what)
            .doesNotThrowAnyException();
      } else {
        assertThat(unknownFields(object, object.getKind())).as(what).isEmpty();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void deploymentsMatchTheServicesTheyRun(String overlayName) throws Exception {
    Overlay overlay = Overlay.of(overlayName);
    for (String name : SERVICES) {
      Deployment deployment = overlay.get(Deployment.class, name);
      int port = Integer.parseInt(property(name, "quarkus.http.port").orElseThrow());
      Container container = container(deployment.getSpec().getTemplate().getSpec());

      assertThat(container.getPorts())
          .anySatisfy(
              p -> {
                assertThat(p.getName()).isEqualTo("http");
                assertThat(p.getContainerPort()).isEqualTo(port);
              });
      assertProbe(container.getStartupProbe(), "/q/health/started");
      assertProbe(container.getReadinessProbe(), "/q/health/ready");
      assertProbe(container.getLivenessProbe(), "/q/health/live");
      assertThat(container.getResources().getLimits()).containsKeys("cpu", "memory");
      assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
      assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
      assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
      assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
      assertThat(
              deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot())
          .isTrue();

      Service service = overlay.get(Service.class, name);
      assertThat(service.getSpec().getPorts())
          .allSatisfy(p -> assertThat(p.getPort()).isEqualTo(port));

      Set<String> known = environmentNames(name);
      Stream.concat(
              container.getEnv().stream().map(EnvVar::getName),
              overlay.get(ConfigMap.class, name).getData().keySet().stream())
          .forEach(env -> assertThat(known).as("%s reads %s", name, env).contains(env));
    }
  }

  /**
   * gRPC runs over long-lived HTTP/2 connections: behind a ClusterIP every client would stay on one
   * pod. Headless Services give the clients every ready pod, and round_robin spreads calls.
   */
  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void grpcIsBalancedOverEveryPod(String overlayName) {
    Overlay overlay = Overlay.of(overlayName);
    for (String server : List.of("article-service", "summary-service")) {
      Service service = overlay.get(Service.class, server);
      assertThat(service.getSpec().getClusterIP()).as(server).isEqualTo("None");
      assertThat(service.getSpec().getPorts())
          .allSatisfy(p -> assertThat(p.getAppProtocol()).isEqualTo("grpc"));
    }
    Map<String, String> clients =
        Map.of(
            "gateway", "ARTICLES", "summary-service", "ARTICLES", "article-service", "SUMMARIES");
    clients.forEach(
        (client, target) ->
            assertThat(overlay.get(ConfigMap.class, client).getData())
                .as("%s calls %s", client, target)
                .containsEntry(
                    "QUARKUS_GRPC_CLIENTS_" + target + "_LOAD_BALANCING_POLICY", "round_robin"));
    assertThat(overlay.get(ConfigMap.class, "gateway").getData())
        .containsEntry("QUARKUS_GRPC_CLIENTS_SUMMARIES_LOAD_BALANCING_POLICY", "round_robin");
  }

  /** An apply must not reset the count an autoscaler chose. */
  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void autoscaledDeploymentsLeaveTheCountToTheirAutoscaler(String overlayName) {
    Overlay overlay = Overlay.of(overlayName);
    List<HorizontalPodAutoscaler> autoscalers = overlay.all(HorizontalPodAutoscaler.class);
    assertThat(autoscalers)
        .extracting(hpa -> hpa.getSpec().getScaleTargetRef().getName())
        .containsExactlyInAnyOrder("summary-service", "gateway");
    for (HorizontalPodAutoscaler hpa : autoscalers) {
      Deployment target =
          overlay.get(Deployment.class, hpa.getSpec().getScaleTargetRef().getName());
      assertThat(target.getSpec().getReplicas()).as(target.getMetadata().getName()).isNull();
    }
  }

  /**
   * On SIGTERM a pod first sleeps in preStop (the endpoints and the clients' resolvers drop it),
   * then keeps answering while its readiness is DOWN (quarkus.shutdown.delay), then finishes
   * in-flight calls (quarkus.shutdown.timeout): the grace period must cover all three.
   */
  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void theGracePeriodCoversAGracefulShutdown(String overlayName) throws IOException {
    Overlay overlay = Overlay.of(overlayName);
    for (String name : SERVICES) {
      PodSpec pod = overlay.get(Deployment.class, name).getSpec().getTemplate().getSpec();
      Container container = container(pod);
      assertThat(container.getLifecycle().getPreStop().getSleep())
          .as("%s preStop", name)
          .isNotNull();
      long preStop = container.getLifecycle().getPreStop().getSleep().getSeconds();
      Duration delay =
          Duration.parse("PT" + property(name, "quarkus.shutdown.delay").orElseThrow());
      Duration timeout =
          Duration.parse("PT" + property(name, "quarkus.shutdown.timeout").orElseThrow());
      assertThat(property(name, "quarkus.shutdown.delay-enabled")).contains("true");
      assertThat(pod.getTerminationGracePeriodSeconds())
          .as("%s terminationGracePeriodSeconds", name)
          .isGreaterThanOrEqualTo(preStop + delay.toSeconds() + timeout.toSeconds() + 1);
    }
  }

  /**
   * Every replica may hold its whole pool at once, during a rollout one more (maxSurge), plus the
   * migrations Job: that must fit in the database's max_connections less what PostgreSQL and
   * CloudNativePG keep for themselves.
   */
  @Test
  void theConnectionBudgetFitsEveryDatabase() throws IOException {
    Overlay overlay = Overlay.of("prod");
    Map<String, Integer> demand = new HashMap<>();
    for (String service : DATABASE_OF.keySet()) {
      Deployment deployment = overlay.get(Deployment.class, service);
      int pool =
          poolSize(overlay, service, container(deployment.getSpec().getTemplate().getSpec()));
      int replicas =
          overlay.all(HorizontalPodAutoscaler.class).stream()
              .filter(hpa -> hpa.getSpec().getScaleTargetRef().getName().equals(service))
              .map(hpa -> hpa.getSpec().getMaxReplicas())
              .findFirst()
              .orElse(deployment.getSpec().getReplicas());
      int surge = deployment.getSpec().getStrategy().getRollingUpdate().getMaxSurge().getIntVal();
      Job migrations = overlay.get(Job.class, service + "-migrations");
      int migrationPool =
          poolSize(overlay, service, container(migrations.getSpec().getTemplate().getSpec()));
      int total = pool * (replicas + surge) + migrationPool;
      System.out.printf(
          "BUDGET %s: %d connections × (%d replicas + %d surge) + %d (migrations) = %d%n",
          service, pool, replicas, surge, migrationPool, total);
      demand.merge(DATABASE_OF.get(service), total, Integer::sum);
    }
    for (HasMetadata cluster : overlay.ofKind("Cluster")) {
      Object configured =
          ((GenericKubernetesResource) cluster)
              .get("spec", "postgresql", "parameters", "max_connections");
      int max =
          configured == null ? DEFAULT_MAX_CONNECTIONS : Integer.parseInt(configured.toString());
      String name = cluster.getMetadata().getName();
      System.out.printf(
          "BUDGET %s: max_connections %d − %d reserved ≥ %d%n",
          name, max, RESERVED_CONNECTIONS, demand.get(name));
      assertThat(demand.get(name))
          .as("connections to %s", name)
          .isLessThanOrEqualTo(max - RESERVED_CONNECTIONS);
    }
  }

  /** Flyway runs in one place per rollout: the Job, never in every replica. */
  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void migrationsRunOncePerRollout(String overlayName) {
    Overlay overlay = Overlay.of(overlayName);
    for (String service : DATABASE_OF.keySet()) {
      Map<String, String> config = overlay.get(ConfigMap.class, service).getData();
      assertThat(config)
          .containsEntry("QUARKUS_FLYWAY_MIGRATE_AT_START", "false")
          .containsEntry("QUARKUS_FLYWAY_VALIDATE_AT_START", "true");
      Job job = overlay.get(Job.class, service + "-migrations");
      Container container = container(job.getSpec().getTemplate().getSpec());
      Map<String, String> env = new HashMap<>();
      container.getEnv().stream()
          .filter(e -> e.getValue() != null)
          .forEach(e -> env.put(e.getName(), e.getValue()));
      assertThat(env)
          .containsEntry("QUARKUS_FLYWAY_MIGRATE_AT_START", "true")
          .containsEntry("QUARKUS_FLYWAY_VALIDATE_AT_START", "false")
          .containsEntry("QUARKUS_INIT_AND_EXIT", "true");
      assertThat(container.getImage())
          .isEqualTo(
              container(overlay.get(Deployment.class, service).getSpec().getTemplate().getSpec())
                  .getImage());
    }
  }

  @Test
  void theIngressAcceptsWhatTheGatewayAccepts() throws IOException {
    Ingress ingress = Overlay.of("prod").get(Ingress.class, "gateway");
    String ingressLimit =
        ingress.getMetadata().getAnnotations().get("nginx.ingress.kubernetes.io/proxy-body-size");
    String gatewayLimit = property("gateway", "quarkus.http.limits.max-body-size").orElseThrow();
    assertThat(ingressLimit.toUpperCase(Locale.ROOT))
        .isEqualTo(gatewayLimit.toUpperCase(Locale.ROOT));
    assertThat(ingress.getSpec().getTls()).isNotEmpty();
    assertThat(ingress.getMetadata().getAnnotations())
        .containsKey("cert-manager.io/cluster-issuer");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void secretsAreReferencedNeverWrittenOutsideDev(String overlay) {
    List<HasMetadata> objects = Overlay.of(overlay).objects();
    if (overlay.equals("prod")) {
      assertThat(objects).noneMatch(o -> o.getKind().equals("Secret"));
      assertThat(objects)
          .filteredOn(o -> o.getKind().equals("ScheduledBackup"))
          .extracting(o -> o.getMetadata().getName())
          .containsExactlyInAnyOrder("articles-db-daily", "summaries-db-daily");
      assertThat(objects).anyMatch(o -> o.getKind().equals("PodMonitor"));
      assertThat(objects).anyMatch(o -> o.getKind().equals("PrometheusRule"));
    }
  }

  private static int poolSize(Overlay overlay, String service, Container container)
      throws IOException {
    Optional<String> fromEnv =
        container.getEnv().stream()
            .filter(e -> e.getName().equals("QUARKUS_DATASOURCE_JDBC_MAX_SIZE"))
            .map(EnvVar::getValue)
            .findFirst();
    if (fromEnv.isPresent()) {
      return Integer.parseInt(fromEnv.get());
    }
    String fromConfigMap =
        overlay.get(ConfigMap.class, service).getData().get("QUARKUS_DATASOURCE_JDBC_MAX_SIZE");
    return Integer.parseInt(
        fromConfigMap != null
            ? fromConfigMap
            : property(service, "quarkus.datasource.jdbc.max-size").orElse("20"));
  }

  private static Container container(PodSpec pod) {
    assertThat(pod.getContainers()).hasSize(1);
    return pod.getContainers().get(0);
  }

  private static Optional<String> property(String service, String key) throws IOException {
    Matcher line =
        Pattern.compile("(?m)^" + Pattern.quote(key) + "=(.*)$").matcher(properties(service));
    return line.find() ? Optional.of(line.group(1).strip()) : Optional.empty();
  }

  private static String properties(String service) throws IOException {
    return Files.readString(
        Overlay.PROJECT_ROOT.resolve(service).resolve("src/main/resources/application.properties"));
  }

  /** The configuration keys a service reads, in environment-variable form. */
  private static Set<String> environmentNames(String service) throws IOException {
    Set<String> names = new HashSet<>();
    Matcher keys = PROPERTY.matcher(properties(service));
    while (keys.find()) {
      names.add(keys.group(1).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
    }
    return names;
  }

  private static void assertProbe(Probe probe, String path) {
    assertThat(probe).as(path).isNotNull();
    assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
    assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
  }

  /**
   * Fields the model did not recognise: fabric8 keeps them in additionalProperties instead of
   * failing, so a typo such as {@code readinesProbe} would otherwise pass unnoticed.
   */
  private static List<String> unknownFields(Object node, String path)
      throws ReflectiveOperationException {
    List<String> unknown = new ArrayList<>();
    if (node == null || !node.getClass().getName().startsWith("io.fabric8.")) {
      return unknown;
    }
    for (Method getter : node.getClass().getMethods()) {
      if (getter.getParameterCount() != 0
          || !getter.getName().startsWith("get")
          || getter.getName().equals("getClass")) {
        continue;
      }
      Object value = getter.invoke(node);
      if (getter.getName().equals("getAdditionalProperties")) {
        ((Map<?, ?>) value).keySet().forEach(key -> unknown.add(path + "." + key));
      } else if (value instanceof Collection<?> items) {
        for (Object item : items) {
          unknown.addAll(unknownFields(item, path + "." + getter.getName().substring(3)));
        }
      } else if (value instanceof Map<?, ?> map) {
        for (Object item : map.values()) {
          unknown.addAll(unknownFields(item, path + "." + getter.getName().substring(3)));
        }
      } else {
        unknown.addAll(unknownFields(value, path + "." + getter.getName().substring(3)));
      }
    }
    return unknown;
  }
}
