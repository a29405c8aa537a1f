package io.newsbrief.launcher;

import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * gRPC calls by method name with messages built from JSON, through the server's reflection: what
 * the benchmark needs without generated stubs in the launcher.
 */
public final class DynamicClient implements AutoCloseable {

  private static final long DEADLINE_SECONDS = 900;

  private final ManagedChannel channel;

  public DynamicClient(String target) {
    this.channel = ManagedChannelBuilder.forTarget(target).usePlaintext().build();
  }

  /** A method of a service, e.g. ("newsbrief.article.v1.ArticleService", "ListArticles"). */
  public MethodDescriptor method(String service, String name) throws Exception {
    return GrpcCall.describe(channel, service).findMethodByName(name);
  }

  public static DynamicMessage message(MethodDescriptor method, String json)
      throws InvalidProtocolBufferException {
    return GrpcCall.parse(method, json);
  }

  public DynamicMessage unary(MethodDescriptor method, DynamicMessage request) {
    return ClientCalls.blockingUnaryCall(
        channel,
        GrpcCall.grpcMethod(method),
        CallOptions.DEFAULT.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS),
        request);
  }

  /** Streams the requests and returns the single response. */
  public DynamicMessage clientStream(MethodDescriptor method, List<DynamicMessage> requests)
      throws Exception {
    GrpcCall.FirstResponse<DynamicMessage> response = new GrpcCall.FirstResponse<>();
    StreamObserver<DynamicMessage> sender =
        ClientCalls.asyncClientStreamingCall(
            channel.newCall(
                GrpcCall.grpcMethod(method),
                CallOptions.DEFAULT.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)),
            response);
    requests.forEach(sender::onNext);
    sender.onCompleted();
    return response.await(DEADLINE_SECONDS);
  }

  /** A field of a message by name, e.g. "created_count". */
  public static Object field(DynamicMessage message, String name) {
    return message.getField(message.getDescriptorForType().findFieldByName(name));
  }

  @Override
  public void close() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }
}
