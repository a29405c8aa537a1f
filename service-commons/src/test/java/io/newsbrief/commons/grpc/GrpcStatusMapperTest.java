package io.newsbrief.commons.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.rpc.BadRequest;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import io.newsbrief.commons.error.FieldViolation;
import io.newsbrief.commons.error.InvalidArgumentException;
import io.newsbrief.commons.error.NotFoundException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import org.junit.jupiter.api.Test;

class GrpcStatusMapperTest {

  @Test
  void invalidArgumentCarriesOneFieldViolationPerField() throws Exception {
    var status =
        GrpcStatusMapper.toStatus(
            new InvalidArgumentException(
                List.of(
                    new FieldViolation("url", "is required"),
                    new FieldViolation("title", "too long"))));

    assertThat(status.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    BadRequest badRequest =
        StatusProto.fromThrowable(status).getDetails(0).unpack(BadRequest.class);
    assertThat(badRequest.getFieldViolationsList())
        .extracting(BadRequest.FieldViolation::getField)
        .containsExactly("url", "title");
  }

  @Test
  void mapsNotFoundAndDatabaseFailures() {
    assertThat(
            GrpcStatusMapper.toStatus(new NotFoundException("article x not found"))
                .getStatus()
                .getCode())
        .isEqualTo(Status.Code.NOT_FOUND);
    var lostConnection =
        new RuntimeException(new SQLTransientConnectionException("refused", "08001"));
    assertThat(GrpcStatusMapper.toStatus(lostConnection).getStatus().getCode())
        .isEqualTo(Status.Code.UNAVAILABLE);
    var poolTimeout = new RuntimeException(new SQLException("Acquisition timeout"));
    assertThat(GrpcStatusMapper.toStatus(poolTimeout).getStatus().getCode())
        .isEqualTo(Status.Code.UNAVAILABLE);
    var statementTimeout = new RuntimeException(new SQLException("canceling statement", "57014"));
    assertThat(GrpcStatusMapper.toStatus(statementTimeout).getStatus().getCode())
        .isEqualTo(Status.Code.DEADLINE_EXCEEDED);
    var nulInText =
        new RuntimeException(
            new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021"));
    assertThat(GrpcStatusMapper.toStatus(nulInText).getStatus().getCode())
        .as("a value the database refuses is the caller's error")
        .isEqualTo(Status.Code.INVALID_ARGUMENT);
  }

  @Test
  void bugsAreInternalWithoutDetails() {
    var status = GrpcStatusMapper.toStatus(new IllegalStateException("secret detail"));
    assertThat(status.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
    assertThat(status.getStatus().getDescription()).isEqualTo("internal error");
  }
}
