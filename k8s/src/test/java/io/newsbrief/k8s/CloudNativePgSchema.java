package io.newsbrief.k8s;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The part of the CloudNativePG (postgresql.cnpg.io/v1) and Barman Cloud plugin
 * (barmancloud.cnpg.io/v1) schemas that the manifests use, written from their API references: a
 * field that is misspelt, misplaced or not in the schema, or an enum value it does not know, fails
 * to read; required fields are checked after reading. Extend it when the manifests use more.
 */
final class CloudNativePgSchema {

  private static final ObjectMapper STRICT =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  private CloudNativePgSchema() {}

  /** Reads a custom resource into its schema type; throws on anything the schema lacks. */
  static Object validate(GenericKubernetesResource resource) {
    Class<?> type =
        switch (resource.getApiVersion() + " " + resource.getKind()) {
          case "postgresql.cnpg.io/v1 Cluster" -> Cluster.class;
          case "postgresql.cnpg.io/v1 ScheduledBackup" -> ScheduledBackup.class;
          case "barmancloud.cnpg.io/v1 ObjectStore" -> ObjectStore.class;
          default ->
              throw new AssertionError(
                  "no schema for " + resource.getApiVersion() + " " + resource.getKind());
        };
    Object read = STRICT.convertValue(resource, type);
    ((Checked) read).check();
    return read;
  }

  interface Checked {
    void check();
  }

  static void require(Object value, String field) {
    if (value == null) {
      throw new IllegalArgumentException(field + " is required");
    }
  }

  record Cluster(String apiVersion, String kind, ObjectMeta metadata, ClusterSpec spec)
      implements Checked {
    @Override
    public void check() {
      require(spec, "spec");
      require(spec.instances(), "spec.instances");
      require(spec.storage(), "spec.storage");
      require(spec.storage().size(), "spec.storage.size");
      if (spec.plugins() != null) {
        spec.plugins().forEach(plugin -> require(plugin.name(), "spec.plugins[].name"));
      }
    }
  }

  record ClusterSpec(
      Integer instances,
      String imageName,
      InheritedMetadata inheritedMetadata,
      Bootstrap bootstrap,
      PostgresConfiguration postgresql,
      Storage storage,
      ResourceRequirements resources,
      List<Plugin> plugins) {}

  record InheritedMetadata(Map<String, String> labels, Map<String, String> annotations) {}

  record Bootstrap(InitDb initdb) {}

  record InitDb(String database, String owner) {}

  record PostgresConfiguration(Map<String, String> parameters) {}

  record Storage(String size, String storageClass, Boolean resizeInUseVolumes) {}

  record Plugin(
      String name, Boolean enabled, Boolean isWALArchiver, Map<String, String> parameters) {}

  record ScheduledBackup(String apiVersion, String kind, ObjectMeta metadata, BackupSpec spec)
      implements Checked {
    @Override
    public void check() {
      require(spec, "spec");
      require(spec.schedule(), "spec.schedule");
      require(spec.cluster(), "spec.cluster");
      require(spec.cluster().name(), "spec.cluster.name");
      if (spec.schedule().trim().split("\\s+").length != 6) {
        throw new IllegalArgumentException("spec.schedule needs six fields (seconds first)");
      }
      if (spec.method() == BackupMethod.plugin) {
        require(spec.pluginConfiguration(), "spec.pluginConfiguration");
      }
    }
  }

  record BackupSpec(
      String schedule,
      Boolean immediate,
      Boolean suspend,
      BackupOwnerReference backupOwnerReference,
      LocalReference cluster,
      BackupMethod method,
      PluginConfiguration pluginConfiguration,
      BackupTarget target) {}

  enum BackupOwnerReference {
    none,
    self,
    cluster
  }

  enum BackupMethod {
    barmanObjectStore,
    volumeSnapshot,
    plugin
  }

  enum BackupTarget {
    primary,
    prefer_standby;

    @com.fasterxml.jackson.annotation.JsonCreator
    static BackupTarget of(String value) {
      return valueOf(value.replace('-', '_'));
    }
  }

  record LocalReference(String name) {}

  record PluginConfiguration(String name, Map<String, String> parameters) {}

  record ObjectStore(String apiVersion, String kind, ObjectMeta metadata, ObjectStoreSpec spec)
      implements Checked {
    @Override
    public void check() {
      require(spec, "spec");
      require(spec.configuration(), "spec.configuration");
      require(spec.configuration().destinationPath(), "spec.configuration.destinationPath");
      String retention = Objects.requireNonNullElse(spec.retentionPolicy(), "30d");
      if (!retention.matches("[1-9][0-9]*[dwm]")) {
        throw new IllegalArgumentException("spec.retentionPolicy must look like 30d, 4w or 3m");
      }
    }
  }

  record ObjectStoreSpec(String retentionPolicy, BarmanObjectStoreConfiguration configuration) {}

  record BarmanObjectStoreConfiguration(
      String destinationPath,
      String endpointURL,
      S3Credentials s3Credentials,
      WalBackupConfiguration wal,
      DataBackupConfiguration data) {}

  record S3Credentials(
      SecretKeySelector accessKeyId,
      SecretKeySelector secretAccessKey,
      SecretKeySelector region,
      SecretKeySelector sessionToken,
      Boolean inheritFromIAMRole) {}

  record SecretKeySelector(String name, String key) {}

  record WalBackupConfiguration(Compression compression, Integer maxParallel) {}

  record DataBackupConfiguration(Compression compression, Integer jobs) {}

  enum Compression {
    bzip2,
    gzip,
    lz4,
    snappy,
    xz,
    zstd
  }
}
