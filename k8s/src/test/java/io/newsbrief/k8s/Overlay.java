package io.newsbrief.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * An overlay as {@code kubectl kustomize} renders it, read into the Kubernetes model. Rendering
 * fails on any warning kubectl prints (deprecated kustomize fields, for one). The manifests come
 * from {@code k8s/} of this checkout, or from {@code -Dnewsbrief.k8s.dir} to try the tests on other
 * manifests, such as an older commit's (their warnings are printed, not failed on).
 */
record Overlay(String name, List<HasMetadata> objects) {

  static final Path PROJECT_ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final boolean OTHER_MANIFESTS = System.getProperty("newsbrief.k8s.dir") != null;
  private static final Path K8S_DIR =
      Path.of(System.getProperty("newsbrief.k8s.dir", PROJECT_ROOT.resolve("k8s").toString()));
  private static final Map<String, Overlay> RENDERED = new ConcurrentHashMap<>();

  static Overlay of(String name) {
    return RENDERED.computeIfAbsent(name, Overlay::render);
  }

  private static Overlay render(String name) {
    try {
      Process kubectl =
          new ProcessBuilder(
                  "kubectl", "kustomize", K8S_DIR.resolve("overlays").resolve(name).toString())
              .start();
      CompletableFuture<byte[]> errors =
          CompletableFuture.supplyAsync(() -> readAll(kubectl.getErrorStream()));
      String yaml = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(kubectl.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String warnings = new String(errors.join(), StandardCharsets.UTF_8);
      assertThat(kubectl.exitValue()).as("kubectl kustomize %s: %s", name, warnings).isZero();
      if (OTHER_MANIFESTS) {
        System.out.println("kubectl kustomize " + name + " warned: " + warnings);
      } else {
        assertThat(warnings).as("kubectl kustomize %s printed warnings", name).isBlank();
      }
      List<HasMetadata> objects = new ArrayList<>();
      for (String document : yaml.split("(?m)^---\\s*$")) {
        if (!document.isBlank()) {
          objects.add(Serialization.unmarshal(document));
        }
      }
      return new Overlay(name, List.copyOf(objects));
    } catch (IOException e) {
      throw new AssertionError("kubectl kustomize " + name + " could not run", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static byte[] readAll(java.io.InputStream in) {
    try {
      return in.readAllBytes();
    } catch (IOException e) {
      return e.toString().getBytes(StandardCharsets.UTF_8);
    }
  }

  <T extends HasMetadata> List<T> all(Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  List<HasMetadata> ofKind(String kind) {
    return objects.stream().filter(o -> o.getKind().equals(kind)).toList();
  }

  <T extends HasMetadata> Optional<T> find(Class<T> type, String objectName) {
    return all(type).stream().filter(o -> o.getMetadata().getName().equals(objectName)).findFirst();
  }

  <T extends HasMetadata> T get(Class<T> type, String objectName) {
    return find(type, objectName)
        .orElseThrow(
            () -> new AssertionError(name + " has no " + type.getSimpleName() + " " + objectName));
  }

  String namespace() {
    return objects.stream()
        .filter(o -> o.getKind().equals("Namespace"))
        .map(o -> o.getMetadata().getName())
        .findFirst()
        .orElseThrow();
  }
}
