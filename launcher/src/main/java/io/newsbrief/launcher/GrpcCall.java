package io.newsbrief.launcher;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import com.google.rpc.BadRequest;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.protobuf.StatusProto;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A small grpcurl: calls any method of a server that has reflection enabled, with the request as
 * JSON (for a client-streaming method, a JSON array of requests) and prints responses as JSON.
 */
public final class GrpcCall {

  private static final long DEADLINE_SECONDS = 30;

  private GrpcCall() {}

  static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    if (args.length == 2 && args[1].equals("list")) {
      return list(args[0], out);
    }
    if (args.length < 2 || !args[1].contains("/")) {
      err.println("usage: grpc HOST:PORT (list | package.Service/Method [JSON | @FILE | @-])");
      return 2;
    }
    String serviceName = args[1].substring(0, args[1].lastIndexOf('/'));
    String methodName = args[1].substring(args[1].lastIndexOf('/') + 1);
    String json = args.length > 2 ? requestJson(args[2]) : "{}";
    ManagedChannel channel = ManagedChannelBuilder.forTarget(args[0]).usePlaintext().build();
    try {
      ServiceDescriptor service = describe(channel, serviceName);
      MethodDescriptor method = service.findMethodByName(methodName);
      if (method == null) {
        err.println("no method " + methodName + " in " + serviceName);
        return 2;
      }
      call(channel, method, json, out);
      return 0;
    } catch (StatusRuntimeException e) {
      err.println("ERROR " + e.getStatus().getCode() + ": " + e.getStatus().getDescription());
      printFieldViolations(e, err);
      return 1;
    } catch (InvalidProtocolBufferException e) {
      err.println("bad request JSON: " + e.getMessage());
      return 2;
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  /** Prints every service the server offers (by its reflection) with its methods. */
  private static int list(String target, PrintStream out) throws Exception {
    ManagedChannel channel = ManagedChannelBuilder.forTarget(target).usePlaintext().build();
    try {
      for (String serviceName : services(channel)) {
        out.println(serviceName);
        for (MethodDescriptor method : describe(channel, serviceName).getMethods()) {
          out.println("  " + method.getName());
        }
      }
      return 0;
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  /** The names of the services a server offers, by its reflection. */
  public static List<String> services(ManagedChannel channel) throws Exception {
    FirstResponse<ServerReflectionResponse> answer = new FirstResponse<>();
    StreamObserver<ServerReflectionRequest> requests =
        ServerReflectionGrpc.newStub(channel)
            .withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
            .serverReflectionInfo(answer);
    requests.onNext(ServerReflectionRequest.newBuilder().setListServices("").build());
    requests.onCompleted();
    return answer.await(DEADLINE_SECONDS).getListServicesResponse().getServiceList().stream()
        .map(service -> service.getName())
        .sorted()
        .toList();
  }

  private static void call(
      ManagedChannel channel, MethodDescriptor method, String json, PrintStream out)
      throws Exception {
    io.grpc.MethodDescriptor<DynamicMessage, DynamicMessage> grpcMethod = grpcMethod(method);
    JsonFormat.Printer printer = JsonFormat.printer();
    if (method.isClientStreaming()) {
      List<DynamicMessage> requests = new ArrayList<>();
      String array = json.strip();
      for (String element : splitJsonArray(array)) {
        requests.add(parse(method, element));
      }
      FirstResponse<DynamicMessage> response = new FirstResponse<>();
      StreamObserver<DynamicMessage> sender =
          ClientCalls.asyncClientStreamingCall(
              channel.newCall(
                  grpcMethod,
                  CallOptions.DEFAULT.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)),
              response);
      requests.forEach(sender::onNext);
      sender.onCompleted();
      out.println(printer.print(response.await(DEADLINE_SECONDS)));
    } else if (method.isServerStreaming()) {
      // Streams such as WatchArticles run until the server ends them or the user presses Ctrl-C.
      Iterator<DynamicMessage> responses =
          ClientCalls.blockingServerStreamingCall(
              channel, grpcMethod, CallOptions.DEFAULT, parse(method, json));
      while (responses.hasNext()) {
        out.println(printer.print(responses.next()));
      }
    } else {
      out.println(
          printer.print(
              ClientCalls.blockingUnaryCall(
                  channel,
                  grpcMethod,
                  CallOptions.DEFAULT.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS),
                  parse(method, json))));
    }
  }

  /** A method found by reflection, callable with dynamic messages. */
  public static io.grpc.MethodDescriptor<DynamicMessage, DynamicMessage> grpcMethod(
      MethodDescriptor method) {
    return io.grpc.MethodDescriptor.<DynamicMessage, DynamicMessage>newBuilder()
        .setType(methodType(method))
        .setFullMethodName(
            io.grpc.MethodDescriptor.generateFullMethodName(
                method.getService().getFullName(), method.getName()))
        .setRequestMarshaller(
            ProtoUtils.marshaller(DynamicMessage.getDefaultInstance(method.getInputType())))
        .setResponseMarshaller(
            ProtoUtils.marshaller(DynamicMessage.getDefaultInstance(method.getOutputType())))
        .build();
  }

  static DynamicMessage parse(MethodDescriptor method, String json)
      throws InvalidProtocolBufferException {
    DynamicMessage.Builder builder = DynamicMessage.newBuilder(method.getInputType());
    JsonFormat.parser().merge(json, builder);
    return builder.build();
  }

  /** The JSON itself, or {@code @FILE} to read it from a file, {@code @-} from standard input. */
  private static String requestJson(String argument) throws java.io.IOException {
    if (argument.equals("@-")) {
      return new String(System.in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    if (argument.startsWith("@")) {
      return java.nio.file.Files.readString(java.nio.file.Path.of(argument.substring(1)));
    }
    return argument;
  }

  /** The top-level elements of a JSON array of objects. */
  static List<String> splitJsonArray(String array) throws InvalidProtocolBufferException {
    if (!array.startsWith("[") || !array.endsWith("]")) {
      throw new InvalidProtocolBufferException(
          "a client-streaming method takes a JSON array of requests");
    }
    List<String> elements = new ArrayList<>();
    int depth = 0;
    int start = -1;
    boolean inString = false;
    for (int i = 1; i < array.length() - 1; i++) {
      char c = array.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{') {
        if (depth++ == 0) {
          start = i;
        }
      } else if (c == '}' && --depth == 0) {
        elements.add(array.substring(start, i + 1));
      }
    }
    return elements;
  }

  private static io.grpc.MethodDescriptor.MethodType methodType(MethodDescriptor method) {
    if (method.isClientStreaming() && method.isServerStreaming()) {
      return io.grpc.MethodDescriptor.MethodType.BIDI_STREAMING;
    }
    if (method.isClientStreaming()) {
      return io.grpc.MethodDescriptor.MethodType.CLIENT_STREAMING;
    }
    return method.isServerStreaming()
        ? io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING
        : io.grpc.MethodDescriptor.MethodType.UNARY;
  }

  /** Asks the server's reflection service for the file defining the service and its imports. */
  public static ServiceDescriptor describe(ManagedChannel channel, String serviceName)
      throws Exception {
    FirstResponse<ServerReflectionResponse> answer = new FirstResponse<>();
    StreamObserver<ServerReflectionRequest> requests =
        ServerReflectionGrpc.newStub(channel)
            .withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
            .serverReflectionInfo(answer);
    requests.onNext(
        ServerReflectionRequest.newBuilder().setFileContainingSymbol(serviceName).build());
    requests.onCompleted();
    ServerReflectionResponse response = answer.await(DEADLINE_SECONDS);
    if (response.hasErrorResponse()) {
      throw io.grpc.Status.NOT_FOUND
          .withDescription("reflection: " + response.getErrorResponse().getErrorMessage())
          .asRuntimeException();
    }
    Map<String, FileDescriptorProto> protos = new HashMap<>();
    for (var bytes : response.getFileDescriptorResponse().getFileDescriptorProtoList()) {
      FileDescriptorProto proto = FileDescriptorProto.parseFrom(bytes);
      protos.put(proto.getName(), proto);
    }
    Map<String, FileDescriptor> built = new HashMap<>();
    for (FileDescriptorProto proto : protos.values()) {
      FileDescriptor file = build(proto.getName(), protos, built);
      ServiceDescriptor service =
          file.findServiceByName(serviceName.substring(serviceName.lastIndexOf('.') + 1));
      if (service != null && service.getFullName().equals(serviceName)) {
        return service;
      }
    }
    throw io.grpc.Status.NOT_FOUND
        .withDescription("no service " + serviceName)
        .asRuntimeException();
  }

  private static FileDescriptor build(
      String name, Map<String, FileDescriptorProto> protos, Map<String, FileDescriptor> built)
      throws DescriptorValidationException {
    FileDescriptor done = built.get(name);
    if (done != null) {
      return done;
    }
    FileDescriptorProto proto = protos.get(name);
    if (proto == null) {
      throw new IllegalStateException("the server's reflection did not return " + name);
    }
    List<FileDescriptor> dependencies = new ArrayList<>();
    for (String dependency : proto.getDependencyList()) {
      dependencies.add(build(dependency, protos, built));
    }
    FileDescriptor file =
        FileDescriptor.buildFrom(proto, dependencies.toArray(FileDescriptor[]::new));
    built.put(name, file);
    return file;
  }

  /** Receives a call's single response; {@link #await} rethrows the call's gRPC status. */
  static final class FirstResponse<T> implements StreamObserver<T> {
    private final CompletableFuture<T> response = new CompletableFuture<>();

    @Override
    public void onNext(T value) {
      response.complete(value);
    }

    @Override
    public void onError(Throwable t) {
      response.completeExceptionally(t);
    }

    @Override
    public void onCompleted() {}

    /** Waits as long as the call's own deadline allows. */
    T await(long deadlineSeconds) throws Exception {
      try {
        return response.get(deadlineSeconds, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        throw e.getCause() instanceof StatusRuntimeException status ? status : e;
      }
    }
  }

  private static void printFieldViolations(StatusRuntimeException failure, PrintStream err) {
    com.google.rpc.Status status = StatusProto.fromThrowable(failure);
    if (status == null) {
      return;
    }
    for (var detail : status.getDetailsList()) {
      if (detail.is(BadRequest.class)) {
        try {
          for (var violation : detail.unpack(BadRequest.class).getFieldViolationsList()) {
            err.println("  " + violation.getField() + ": " + violation.getDescription());
          }
        } catch (InvalidProtocolBufferException e) {
          err.println("  (unreadable error details)");
        }
      }
    }
  }
}
