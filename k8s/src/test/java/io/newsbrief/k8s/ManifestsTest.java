package io.newsbrief.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Renders each overlay with {@code kubectl kustomize}, reads every object into the Kubernetes model
 * (a misspelt or misplaced field fails), and checks the Deployments against the services' own
 * configuration, so manifests and code cannot drift apart.
 */
class ManifestsTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final List<String> SERVICES =
      List.of("article-service", "summary-service", "gateway");
  private static final Pattern PROPERTY =
      Pattern.compile("^#?\\s*([a-z][a-z0-9.\\-]*)\\s*=", Pattern.MULTILINE);

  /** A developer without kubectl is told and skipped; CI (CI=true) installs it and never skips. */
  @BeforeAll
  static void kubectlIsThere() {
    boolean found =
        Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
            .anyMatch(dir -> Files.isExecutable(Path.of(dir, "kubectl")));
    if (!"true".equals(System.getenv("CI"))) {
      assumeTrue(
          found, "kubectl not found: manifest checks skipped (apt-get install kubernetes-client)");
    }
  }

  private static List<HasMetadata> render(String overlay) throws IOException, InterruptedException {
    Process kubectl =
        new ProcessBuilder(
                "kubectl", "kustomize", ROOT.resolve("k8s/overlays").resolve(overlay).toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String yaml = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(kubectl.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(kubectl.exitValue()).as("kubectl kustomize %s", overlay).isZero();
    List<HasMetadata> objects = new ArrayList<>();
    for (String document : yaml.split("(?m)^---\\s*$")) {
      if (!document.isBlank()) {
        objects.add(Serialization.unmarshal(document));
      }
    }
    return objects;
  }

  private static String property(String service, String key) throws IOException {
    Matcher line =
        Pattern.compile("(?m)^" + Pattern.quote(key) + "=(.*)$").matcher(properties(service));
    assertThat(line.find()).as("%s sets %s", service, key).isTrue();
    return line.group(1).strip();
  }

  private static String properties(String service) throws IOException {
    return Files.readString(
        ROOT.resolve(service).resolve("src/main/resources/application.properties"));
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

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void everyObjectFitsTheKubernetesModel(String overlay) throws Exception {
    List<HasMetadata> objects = render(overlay);
    assertThat(objects).isNotEmpty();
    for (HasMetadata object : objects) {
      assertThat(unknownFields(object, object.getKind()))
          .as("%s %s", object.getKind(), object.getMetadata().getName())
          .isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void deploymentsMatchTheServicesTheyRun(String overlay) throws Exception {
    List<HasMetadata> objects = render(overlay);
    for (String name : SERVICES) {
      Deployment deployment = find(objects, Deployment.class, name);
      int port = Integer.parseInt(property(name, "quarkus.http.port"));
      Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);

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

      Service service = find(objects, Service.class, name);
      assertThat(service.getSpec().getPorts())
          .allSatisfy(p -> assertThat(p.getPort()).isEqualTo(port));
      if (!name.equals("gateway")) {
        assertThat(service.getSpec().getPorts())
            .allSatisfy(p -> assertThat(p.getAppProtocol()).isEqualTo("grpc"));
      }

      Set<String> known = environmentNames(name);
      Stream.concat(
              container.getEnv().stream().map(env -> env.getName()),
              find(objects, ConfigMap.class, name).getData().keySet().stream())
          .forEach(env -> assertThat(known).as("%s reads %s", name, env).contains(env));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void secretsAreReferencedNeverWrittenOutsideDev(String overlay) throws Exception {
    List<HasMetadata> objects = render(overlay);
    if (overlay.equals("prod")) {
      assertThat(objects).noneMatch(o -> o.getKind().equals("Secret"));
    }
    assertThat(objects)
        .filteredOn(o -> o.getKind().equals("NetworkPolicy"))
        .extracting(o -> o.getMetadata().getName())
        .contains("default-deny-ingress", "gateway-from-anywhere", "article-service-egress");
    assertThat(objects)
        .filteredOn(o -> o.getKind().equals("HorizontalPodAutoscaler"))
        .extracting(o -> o.getMetadata().getName())
        .containsExactlyInAnyOrder("summary-service", "gateway");
  }

  private static void assertProbe(Probe probe, String path) {
    assertThat(probe).as(path).isNotNull();
    assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
    assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
  }

  private static <T extends HasMetadata> T find(
      List<HasMetadata> objects, Class<T> type, String name) {
    return objects.stream()
        .filter(type::isInstance)
        .map(type::cast)
        .filter(o -> o.getMetadata().getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
  }

  /**
   * Fields the model did not recognise: fabric8 keeps them in additionalProperties instead of
   * failing, so a typo such as {@code readinesProbe} would otherwise pass unnoticed. Custom
   * resources (no typed model here) are skipped.
   */
  private static List<String> unknownFields(Object node, String path)
      throws ReflectiveOperationException {
    List<String> unknown = new ArrayList<>();
    if (node == null
        || !node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")
        || node.getClass().getSimpleName().equals("GenericKubernetesResource")) {
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
