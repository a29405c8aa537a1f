package io.newsbrief.commons.grpc;

import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.quarkus.grpc.GlobalInterceptor;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Refuses a unary or server-streaming call whose request never arrived with INVALID_ARGUMENT. The
 * gRPC server on the HTTP port (Vert.x) drops a message it cannot decode and then half-closes the
 * call, which grpc-java's handler would report as INTERNAL ("Half-closed without a request"): a
 * server fault for what is bad input.
 */
@GlobalInterceptor
@ApplicationScoped
public class MissingRequestInterceptor implements ServerInterceptor {

  static final String DESCRIPTION =
      "the request message is missing or unreadable (malformed, or larger than allowed)";

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    ServerCall.Listener<Q> listener = next.startCall(call, headers);
    if (!call.getMethodDescriptor().getType().clientSendsOneMessage()) {
      return listener;
    }
    return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(listener) {
      private boolean received;

      @Override
      public void onMessage(Q message) {
        received = true;
        super.onMessage(message);
      }

      @Override
      public void onHalfClose() {
        if (received) {
          super.onHalfClose();
        } else {
          call.close(Status.INVALID_ARGUMENT.withDescription(DESCRIPTION), new Metadata());
        }
      }
    };
  }
}
