package io.newsbrief.article.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.newsbrief.proto.article.v1.ArticleInput;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Builders and assertions shared by the gRPC tests. */
final class GrpcTestSupport {

  private GrpcTestSupport() {}

  static String uniqueUrl() {
    return "https://news.example.com/" + UUID.randomUUID() + "/story";
  }

  static ArticleInput.Builder article(String title, String text) {
    return ArticleInput.newBuilder()
        .setUrl(uniqueUrl())
        .setTitle(title)
        .setText(text)
        .setSourceName("Example News")
        .setLanguage("en");
  }

  static StatusRuntimeException statusOf(ThrowingCallable call, Status.Code expected) {
    StatusRuntimeException failure = catchThrowableOfType(StatusRuntimeException.class, call);
    assertThat(failure).as("expected %s", expected).isNotNull();
    assertThat(failure.getStatus().getCode()).isEqualTo(expected);
    return failure;
  }

  /** The fields named by the google.rpc.BadRequest detail of an INVALID_ARGUMENT status. */
  static List<String> violatedFields(StatusRuntimeException failure) {
    assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    com.google.rpc.Status status = StatusProto.fromThrowable(failure);
    assertThat(status).isNotNull();
    return status.getDetailsList().stream()
        .filter(detail -> detail.is(BadRequest.class))
        .flatMap(
            detail -> {
              try {
                return detail.unpack(BadRequest.class).getFieldViolationsList().stream();
              } catch (InvalidProtocolBufferException e) {
                throw new AssertionError(e);
              }
            })
        .map(BadRequest.FieldViolation::getField)
        .toList();
  }
}
