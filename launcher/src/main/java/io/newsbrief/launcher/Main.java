package io.newsbrief.launcher;

import java.util.Arrays;

/**
 * Entry point: {@code up} runs the local suite, {@code grpc} calls a gRPC method, {@code
 * backfill-stories} groups articles stored before stories.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) throws Exception {
    // PostgreSQL's own chatter goes to the log only when something is wrong.
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    String command = args.length == 0 ? "up" : args[0];
    String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
    int exitCode =
        switch (command) {
          case "up" -> UpCommand.run(rest);
          case "grpc" -> GrpcCall.run(rest, System.out, System.err);
          case "backfill-stories" -> BackfillStoriesCommand.run(rest, System.out);
          default -> {
            System.err.println(
                "usage: newsbrief-local [up [--fresh]] | grpc HOST:PORT (list | SERVICE/METHOD"
                    + " [JSON]) | backfill-stories [HOST:PORT]");
            yield 2;
          }
        };
    System.exit(exitCode);
  }
}
