package io.newsbrief.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.newsbrief.k8s.NetworkPolicies.Address;
import io.newsbrief.k8s.NetworkPolicies.Endpoint;
import io.newsbrief.k8s.NetworkPolicies.Pod;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The flow table: every intended connection allowed and every unintended one denied, decided by the
 * rendered NetworkPolicies of each overlay (Kubernetes semantics, {@link NetworkPolicies}) over the
 * rendered pod templates plus the pods the manifests do not create: CloudNativePG instances (labels
 * as its operator sets them, plus the Cluster's inheritedMetadata), the CloudNativePG operator, an
 * ingress controller, Prometheus, cluster DNS, a stray pod in the namespace and one in another
 * namespace, and addresses outside the cluster.
 */
class NetworkFlowsTest {

  private static final Address PUBLIC_SITE = new Address("public web", "93.184.216.34");
  private static final Address PRIVATE_HOST = new Address("private 10.20.30.40", "10.20.30.40");
  private static final Address CLOUD_METADATA = new Address("metadata", "169.254.169.254");

  @BeforeAll
  static void kubectlIsThere() {
    Kubectl.assumeInstalled();
  }

  /** One row of the flow table. */
  record Flow(Endpoint from, Endpoint to, int port, String protocol, boolean allowed) {
    @Override
    public String toString() {
      return String.format(
          "%-32s -> %-32s %5d/%s  %s",
          from.name(), to.name(), port, protocol, allowed ? "allow" : "deny");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void onlyTheIntendedFlowsAreOpen(String overlayName) {
    Overlay overlay = Overlay.of(overlayName);
    Cluster cluster = new Cluster(overlay);
    NetworkPolicies policies = new NetworkPolicies(overlay.all(NetworkPolicy.class));

    List<Flow> table = flowTable(cluster);
    List<String> wrong = new ArrayList<>();
    System.out.println("FLOWS " + overlayName);
    for (Flow flow : table) {
      boolean actual = policies.allows(flow.from(), flow.to(), flow.port(), flow.protocol());
      System.out.println("  " + flow + (actual == flow.allowed() ? "" : "   <-- WRONG"));
      if (actual != flow.allowed()) {
        wrong.add(flow + " but it is " + (actual ? "allowed" : "denied"));
      }
    }
    assertThat(wrong).as("flows the policies of %s get wrong", overlayName).isEmpty();
  }

  private static List<Flow> flowTable(Cluster c) {
    List<Flow> flows = new ArrayList<>();
    Pod gateway = c.pod("gateway");
    Pod articles = c.pod("article-service");
    Pod summaries = c.pod("summary-service");
    Pod articlesDb = c.database("articles");
    Pod summariesDb = c.database("summaries");

    // Must allow.
    flows.add(allow(c.ingressController, gateway, 8080));
    flows.add(allow(c.prometheus, gateway, 8080));
    flows.add(allow(gateway, articles, 8081));
    flows.add(allow(gateway, summaries, 8082));
    flows.add(allow(articles, summaries, 8082));
    flows.add(allow(summaries, articles, 8081));
    flows.add(allow(c.prometheus, articles, 8081));
    flows.add(allow(c.prometheus, summaries, 8082));
    flows.add(allow(articles, articlesDb, 5432));
    flows.add(allow(summaries, summariesDb, 5432));
    c.optionalPod("article-service-migrations")
        .ifPresent(job -> flows.add(allow(job, articlesDb, 5432)));
    c.optionalPod("summary-service-migrations")
        .ifPresent(job -> flows.add(allow(job, summariesDb, 5432)));
    for (Pod service : List.of(gateway, articles, summaries)) {
      flows.add(new Flow(service, c.dns, 53, "UDP", true));
      flows.add(new Flow(service, c.dns, 53, "TCP", true));
    }
    flows.add(allow(articles, PUBLIC_SITE, 443));
    flows.add(allow(articles, PUBLIC_SITE, 80));
    flows.add(allow(summaries, PUBLIC_SITE, 443));
    if (c.hasCloudNativePg()) {
      for (String db : List.of("articles-db", "summaries-db")) {
        Pod primary = c.cnpgInstance(db, 1);
        Pod replica = c.cnpgInstance(db, 2);
        flows.add(allow(replica, primary, 5432));
        flows.add(allow(primary, replica, 8000));
        flows.add(allow(c.cnpgOperator, primary, 8000));
        flows.add(allow(c.cnpgOperator, replica, 5432));
        flows.add(allow(c.prometheus, primary, 9187));
      }
    }

    // Must deny.
    flows.add(deny(gateway, articlesDb, 5432));
    flows.add(deny(gateway, summariesDb, 5432));
    flows.add(deny(articles, summariesDb, 5432));
    flows.add(deny(summaries, articlesDb, 5432));
    c.optionalPod("article-service-migrations")
        .ifPresent(job -> flows.add(deny(job, summariesDb, 5432)));
    flows.add(deny(c.strayPod, articlesDb, 5432));
    flows.add(deny(c.strayPod, articles, 8081));
    flows.add(deny(c.otherNamespacePod, articles, 8081));
    flows.add(deny(c.ingressController, articles, 8081));
    flows.add(deny(articlesDb, articles, 8081));
    flows.add(deny(c.strayPod, summaries, 8082));
    flows.add(deny(c.strayPod, gateway, 8080));
    flows.add(deny(c.otherNamespacePod, gateway, 8080));
    flows.add(deny(gateway, PUBLIC_SITE, 443));
    flows.add(deny(articles, PRIVATE_HOST, 443));
    flows.add(deny(articles, CLOUD_METADATA, 80));
    flows.add(deny(articles, PUBLIC_SITE, 22));
    flows.add(deny(summaries, PRIVATE_HOST, 443));
    flows.add(deny(c.prometheus, articlesDb, 5432));
    if (c.hasCloudNativePg()) {
      flows.add(deny(c.cnpgInstance("articles-db", 1), c.cnpgInstance("summaries-db", 1), 5432));
      flows.add(deny(c.otherNamespacePod, c.cnpgInstance("articles-db", 1), 8000));
    }
    return flows;
  }

  private static Flow allow(Endpoint from, Endpoint to, int port) {
    return new Flow(from, to, port, "TCP", true);
  }

  private static Flow deny(Endpoint from, Endpoint to, int port) {
    return new Flow(from, to, port, "TCP", false);
  }

  /** The pods of one rendered overlay in a cluster with the usual neighbours. */
  private static final class Cluster {
    final Pod ingressController =
        neighbour("ingress-nginx", "controller", "app.kubernetes.io/name", "ingress-nginx");
    final Pod prometheus =
        neighbour("monitoring", "prometheus", "app.kubernetes.io/name", "prometheus");
    final Pod cnpgOperator =
        neighbour("cnpg-system", "operator", "app.kubernetes.io/name", "cloudnative-pg");
    final Pod dns = neighbour("kube-system", "coredns", "k8s-app", "kube-dns");
    // Carries a Newsbrief label, but lives in another namespace.
    final Pod otherNamespacePod = neighbour("other", "app", "app.kubernetes.io/name", "gateway");
    final Pod strayPod;
    private final Map<String, Pod> pods = new LinkedHashMap<>();
    private final Map<String, GenericKubernetesResource> cnpgClusters = new HashMap<>();
    private final String namespace;

    Cluster(Overlay overlay) {
      namespace = overlay.namespace();
      strayPod = new Pod("stray pod (same namespace)", namespace, Map.of("run", "debug"), Map.of());
      for (HasMetadata workload : overlay.objects()) {
        PodTemplateSpec template = null;
        if (workload instanceof Deployment deployment) {
          template = deployment.getSpec().getTemplate();
        } else if (workload instanceof StatefulSet statefulSet) {
          template = statefulSet.getSpec().getTemplate();
        } else if (workload instanceof Job job) {
          template = job.getSpec().getTemplate();
        }
        if (template != null) {
          Map<String, Integer> ports = new HashMap<>();
          template.getSpec().getContainers().stream()
              .flatMap(container -> container.getPorts().stream())
              .filter(port -> port.getName() != null)
              .forEach(port -> ports.put(port.getName(), port.getContainerPort()));
          String name = workload.getMetadata().getName();
          pods.put(name, new Pod(name, namespace, template.getMetadata().getLabels(), ports));
        }
      }
      overlay.ofKind("Cluster").stream()
          .map(GenericKubernetesResource.class::cast)
          .forEach(cnpg -> cnpgClusters.put(cnpg.getMetadata().getName(), cnpg));
    }

    Pod pod(String workload) {
      Pod pod = pods.get(workload);
      assertThat(pod).as("a workload named %s", workload).isNotNull();
      return pod;
    }

    private static Pod neighbour(String namespace, String name, String label, String value) {
      return new Pod(namespace + "/" + name, namespace, Map.of(label, value), Map.of());
    }

    Optional<Pod> optionalPod(String workload) {
      return Optional.ofNullable(pods.get(workload));
    }

    boolean hasCloudNativePg() {
      return !cnpgClusters.isEmpty();
    }

    /** An instance pod as CloudNativePG labels it, with the Cluster's inherited labels. */
    @SuppressWarnings("unchecked")
    Pod cnpgInstance(String cluster, int ordinal) {
      GenericKubernetesResource resource = cnpgClusters.get(cluster);
      assertThat(resource).as("a CloudNativePG Cluster named %s", cluster).isNotNull();
      Map<String, String> labels = new HashMap<>();
      Object inherited = resource.get("spec", "inheritedMetadata", "labels");
      if (inherited instanceof Map<?, ?> map) {
        labels.putAll((Map<String, String>) map);
      }
      labels.put("cnpg.io/cluster", cluster);
      labels.put("cnpg.io/instanceName", cluster + "-" + ordinal);
      labels.put("cnpg.io/podRole", "instance");
      labels.put("cnpg.io/instanceRole", ordinal == 1 ? "primary" : "replica");
      return new Pod(
          cluster + "-" + ordinal,
          namespace,
          labels,
          Map.of("postgresql", 5432, "status", 8000, "metrics", 9187));
    }

    /** The pod serving a service's database: a CloudNativePG primary, or dev's StatefulSet. */
    Pod database(String name) {
      if (hasCloudNativePg()) {
        return cnpgInstance(name + "-db", 1);
      }
      return pods.values().stream()
          .filter(pod -> name.equals(pod.labels().get("newsbrief.io/database")))
          .findFirst()
          .or(() -> pods.values().stream().filter(pod -> pod.name().equals("postgres")).findFirst())
          .orElseThrow(() -> new AssertionError("no database pod for " + name));
    }
  }
}
