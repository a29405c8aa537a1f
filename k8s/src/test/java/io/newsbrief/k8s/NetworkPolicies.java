package io.newsbrief.k8s;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Kubernetes NetworkPolicy semantics, to decide offline whether a connection is allowed: a pod
 * selected by no policy of a direction is open in that direction; a selected pod accepts (sends)
 * only what some rule of some selecting policy allows. A rule with no peers allows every peer, with
 * no ports every port; a peer with both namespaceSelector and podSelector needs both; a podSelector
 * alone means the policy's own namespace; ipBlock matches addresses outside the cluster only (what
 * it does to pod addresses differs between network plugins, so the manifests never rely on it);
 * named ports resolve against the destination pod; the protocol defaults to TCP.
 */
final class NetworkPolicies {

  /** Something that connects or is connected to: a pod (with its namespace) or an address. */
  sealed interface Endpoint permits Pod, Address {
    String name();
  }

  record Pod(
      String name, String namespace, Map<String, String> labels, Map<String, Integer> namedPorts)
      implements Endpoint {

    Map<String, String> namespaceLabels() {
      return Map.of("kubernetes.io/metadata.name", namespace);
    }
  }

  record Address(String name, String ip) implements Endpoint {}

  private final List<NetworkPolicy> policies;

  NetworkPolicies(List<NetworkPolicy> policies) {
    this.policies = List.copyOf(policies);
  }

  boolean allows(Endpoint from, Endpoint to, int port, String protocol) {
    return (!(from instanceof Pod source) || open(source, "Egress", to, to, port, protocol))
        && (!(to instanceof Pod destination)
            || open(destination, "Ingress", from, to, port, protocol));
  }

  /** One rule of either direction: the peers it admits and the destination ports. */
  private record Rule(List<NetworkPolicyPeer> peers, List<NetworkPolicyPort> ports) {}

  /**
   * Whether {@code pod}'s policies of {@code direction} let it talk with {@code peer}; a pod no
   * policy of that direction selects is open.
   */
  private boolean open(
      Pod pod, String direction, Endpoint peer, Endpoint destination, int port, String protocol) {
    List<NetworkPolicy> selecting = selecting(pod, direction);
    return selecting.isEmpty()
        || selecting.stream()
            .anyMatch(
                policy ->
                    rules(policy, direction).stream()
                        .anyMatch(
                            rule ->
                                peersMatch(rule.peers(), peer, policy)
                                    && portsMatch(rule.ports(), destination, port, protocol)));
  }

  private static List<Rule> rules(NetworkPolicy policy, String direction) {
    return direction.equals("Egress")
        ? policy.getSpec().getEgress().stream().map(r -> new Rule(r.getTo(), r.getPorts())).toList()
        : policy.getSpec().getIngress().stream()
            .map(r -> new Rule(r.getFrom(), r.getPorts()))
            .toList();
  }

  private List<NetworkPolicy> selecting(Pod pod, String direction) {
    return policies.stream()
        .filter(policy -> Objects.equals(policy.getMetadata().getNamespace(), pod.namespace()))
        .filter(policy -> types(policy).contains(direction))
        .filter(policy -> matches(policy.getSpec().getPodSelector(), pod.labels()))
        .toList();
  }

  /** Without policyTypes: Ingress always, Egress when there are egress rules. */
  private static List<String> types(NetworkPolicy policy) {
    List<String> declared = policy.getSpec().getPolicyTypes();
    if (declared != null && !declared.isEmpty()) {
      return declared;
    }
    return policy.getSpec().getEgress().isEmpty()
        ? List.of("Ingress")
        : List.of("Ingress", "Egress");
  }

  private static boolean peersMatch(
      List<NetworkPolicyPeer> peers, Endpoint other, NetworkPolicy policy) {
    return peers == null
        || peers.isEmpty()
        || peers.stream().anyMatch(peer -> peerMatches(peer, other, policy));
  }

  private static boolean peerMatches(NetworkPolicyPeer peer, Endpoint other, NetworkPolicy policy) {
    if (peer.getIpBlock() != null) {
      return other instanceof Address address && inBlock(address.ip(), peer.getIpBlock());
    }
    if (!(other instanceof Pod pod)) {
      return false;
    }
    boolean namespaceMatches =
        peer.getNamespaceSelector() == null
            ? pod.namespace().equals(policy.getMetadata().getNamespace())
            : matches(peer.getNamespaceSelector(), pod.namespaceLabels());
    boolean podMatches =
        peer.getPodSelector() == null || matches(peer.getPodSelector(), pod.labels());
    return namespaceMatches && podMatches;
  }

  private static boolean portsMatch(
      List<NetworkPolicyPort> ports, Endpoint destination, int port, String protocol) {
    return ports == null
        || ports.isEmpty()
        || ports.stream().anyMatch(rule -> portMatches(rule, destination, port, protocol));
  }

  private static boolean portMatches(
      NetworkPolicyPort rule, Endpoint destination, int port, String protocol) {
    String ruleProtocol = rule.getProtocol() == null ? "TCP" : rule.getProtocol();
    if (!ruleProtocol.equals(protocol)) {
      return false;
    }
    IntOrString rulePort = rule.getPort();
    if (rulePort == null) {
      return true;
    }
    if (rulePort.getStrVal() != null) {
      return destination instanceof Pod pod
          && Integer.valueOf(port).equals(pod.namedPorts().get(rulePort.getStrVal()));
    }
    int first = rulePort.getIntVal();
    int last = rule.getEndPort() == null ? first : rule.getEndPort();
    return port >= first && port <= last;
  }

  static boolean matches(LabelSelector selector, Map<String, String> labels) {
    if (selector == null) {
      return true;
    }
    if (selector.getMatchLabels() != null
        && !selector.getMatchLabels().entrySet().stream()
            .allMatch(label -> label.getValue().equals(labels.get(label.getKey())))) {
      return false;
    }
    return selector.getMatchExpressions() == null
        || selector.getMatchExpressions().stream()
            .allMatch(requirement -> satisfies(requirement, labels));
  }

  private static boolean satisfies(
      LabelSelectorRequirement requirement, Map<String, String> labels) {
    String value = labels.get(requirement.getKey());
    return switch (requirement.getOperator()) {
      case "In" -> value != null && requirement.getValues().contains(value);
      case "NotIn" -> value == null || !requirement.getValues().contains(value);
      case "Exists" -> value != null;
      case "DoesNotExist" -> value == null;
      default -> throw new AssertionError("unknown operator " + requirement.getOperator());
    };
  }

  private static boolean inBlock(String ip, IPBlock block) {
    return inCidr(ip, block.getCidr())
        && (block.getExcept() == null
            || block.getExcept().stream().noneMatch(cidr -> inCidr(ip, cidr)));
  }

  static boolean inCidr(String ip, String cidr) {
    String[] parts = cidr.split("/");
    byte[] address = bytes(ip);
    byte[] network = bytes(parts[0]);
    if (address.length != network.length) {
      return false;
    }
    int bits = address.length * 8;
    int prefix = Integer.parseInt(parts[1]);
    BigInteger mask =
        BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).shiftRight(prefix).not();
    return new BigInteger(1, address).and(mask).equals(new BigInteger(1, network).and(mask));
  }

  private static byte[] bytes(String literal) {
    try {
      return InetAddress.getByName(literal).getAddress(); // a literal: no lookup
    } catch (UnknownHostException e) {
      throw new AssertionError("not an address: " + literal, e);
    }
  }
}
