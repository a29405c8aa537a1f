package io.newsbrief.commons.grpc;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.newsbrief.commons.error.ConflictException;
import io.newsbrief.commons.error.DatabaseFailures;
import io.newsbrief.commons.error.ExpiredException;
import io.newsbrief.commons.error.FieldViolation;
import io.newsbrief.commons.error.InvalidArgumentException;
import io.newsbrief.commons.error.NotFoundException;
import io.newsbrief.commons.error.UnavailableException;
import org.jboss.logging.Logger;

/**
 * Translates what a service layer throws into the gRPC status a caller can act on: bad input is
 * INVALID_ARGUMENT with a google.rpc.BadRequest, an expired position OUT_OF_RANGE, a lost database
 * is UNAVAILABLE, and only true bugs are INTERNAL (logged here, never described to the caller).
 */
public final class GrpcStatusMapper {

  private static final Logger LOG = Logger.getLogger(GrpcStatusMapper.class);

  private GrpcStatusMapper() {}

  public static StatusRuntimeException toStatus(Throwable failure) {
    if (failure instanceof StatusRuntimeException status) {
      return status;
    }
    if (failure instanceof InvalidArgumentException invalid) {
      return invalidArgument(invalid);
    }
    if (failure instanceof NotFoundException notFound) {
      return Status.NOT_FOUND.withDescription(notFound.getMessage()).asRuntimeException();
    }
    if (failure instanceof ConflictException conflict) {
      Status status =
          conflict.kind() == ConflictException.Kind.ALREADY_EXISTS
              ? Status.ALREADY_EXISTS
              : Status.FAILED_PRECONDITION;
      return status.withDescription(conflict.getMessage()).asRuntimeException();
    }
    if (failure instanceof ExpiredException expired) {
      // OUT_OF_RANGE: past what the service keeps; a caller starts over instead of retrying.
      return Status.OUT_OF_RANGE.withDescription(expired.getMessage()).asRuntimeException();
    }
    if (failure instanceof UnavailableException unavailable) {
      LOG.warnf("dependency unavailable: %s", unavailable.getMessage());
      return Status.UNAVAILABLE.withDescription(unavailable.getMessage()).asRuntimeException();
    }
    if (DatabaseFailures.isRefusedValue(failure)) {
      return Status.INVALID_ARGUMENT
          .withDescription("the request holds a value the database refuses")
          .asRuntimeException();
    }
    if (DatabaseFailures.isTimeout(failure)) {
      LOG.warnf(
          "database statement timed out: %s", DatabaseFailures.sqlCause(failure).getMessage());
      return Status.DEADLINE_EXCEEDED
          .withDescription("the database took too long")
          .asRuntimeException();
    }
    if (DatabaseFailures.isUnreachable(failure)) {
      LOG.warnf("database unavailable: %s", DatabaseFailures.sqlCause(failure).getMessage());
      return Status.UNAVAILABLE.withDescription("the database is unavailable").asRuntimeException();
    }
    LOG.error("unexpected failure", failure);
    return Status.INTERNAL.withDescription("internal error").asRuntimeException();
  }

  private static StatusRuntimeException invalidArgument(InvalidArgumentException invalid) {
    BadRequest.Builder badRequest = BadRequest.newBuilder();
    for (FieldViolation violation : invalid.violations()) {
      badRequest.addFieldViolations(
          BadRequest.FieldViolation.newBuilder()
              .setField(violation.field())
              .setDescription(violation.description()));
    }
    return StatusProto.toStatusRuntimeException(
        com.google.rpc.Status.newBuilder()
            .setCode(Code.INVALID_ARGUMENT_VALUE)
            .setMessage(invalid.getMessage())
            .addDetails(Any.pack(badRequest.build()))
            .build());
  }
}
