package io.newsbrief.gateway.client;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.newsbrief.commons.error.FieldViolation;
import java.util.List;
import java.util.Map;

/** Turns a failed gRPC call into the client's own failure types, in the JSON API's words. */
final class GrpcFailures {

  /** Request fields whose JSON name is not just the proto name in camel case. */
  private static final Map<String, String> RENAMED_FIELDS =
      Map.of(
          "page_token", "cursor",
          "page_size", "limit",
          "poll_interval", "pollIntervalMinutes",
          "since_token", "changedSince");

  private GrpcFailures() {}

  static RuntimeException translate(String service, StatusRuntimeException failure) {
    String detail = failure.getStatus().getDescription();
    return switch (failure.getStatus().getCode()) {
      case INVALID_ARGUMENT ->
          new DownstreamRejection(
              DownstreamRejection.Reason.INVALID, detail, fieldViolations(failure));
      case OUT_OF_RANGE ->
          new DownstreamRejection(DownstreamRejection.Reason.EXPIRED, detail, List.of());
      case NOT_FOUND ->
          new DownstreamRejection(DownstreamRejection.Reason.NOT_FOUND, detail, List.of());
      case ALREADY_EXISTS, FAILED_PRECONDITION ->
          new DownstreamRejection(DownstreamRejection.Reason.CONFLICT, detail, List.of());
      case UNAVAILABLE -> new DownstreamUnavailable(service + " is unreachable", true, failure);
      default ->
          new DownstreamUnavailable(
              service + " failed: " + failure.getStatus().getCode(), false, failure);
    };
  }

  private static List<FieldViolation> fieldViolations(StatusRuntimeException failure) {
    com.google.rpc.Status status = StatusProto.fromThrowable(failure);
    if (status == null) {
      return List.of();
    }
    return status.getDetailsList().stream()
        .filter(detail -> detail.is(BadRequest.class))
        .flatMap(detail -> unpack(detail).getFieldViolationsList().stream())
        .map(v -> new FieldViolation(jsonName(v.getField()), v.getDescription()))
        .toList();
  }

  private static BadRequest unpack(com.google.protobuf.Any detail) {
    try {
      return detail.unpack(BadRequest.class);
    } catch (InvalidProtocolBufferException e) {
      return BadRequest.getDefaultInstance(); // no field details then
    }
  }

  /** Proto field names (source_name, article.published_at) as the JSON API spells them. */
  static String jsonName(String protoField) {
    String renamed = RENAMED_FIELDS.get(protoField);
    if (renamed != null) {
      return renamed;
    }
    StringBuilder name = new StringBuilder(protoField.length());
    boolean upper = false;
    for (char c : protoField.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        name.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return name.toString();
  }
}
