package io.newsbrief.commons.grpc;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The {@code google.rpc} error-detail messages that the services send ({@link GrpcStatusMapper})
 * and the gateway reads come from proto-google-common-protos, not from this project's protos, so
 * Quarkus does not register them. Protobuf finds a generated message's accessors by name (its field
 * accessor table); in a native image without this, every INVALID_ARGUMENT with field violations
 * became UNKNOWN ("Generated message class com.google.rpc.BadRequest missing method
 * getFieldViolationsList", found by BadInputIT on the native executables).
 */
@RegisterForReflection(
    classNames = {
      "com.google.rpc.BadRequest",
      "com.google.rpc.BadRequest$Builder",
      "com.google.rpc.BadRequest$FieldViolation",
      "com.google.rpc.BadRequest$FieldViolation$Builder",
      "com.google.rpc.Status",
      "com.google.rpc.Status$Builder"
    })
final class ErrorDetailsNativeSupport {

  private ErrorDetailsNativeSupport() {}
}
