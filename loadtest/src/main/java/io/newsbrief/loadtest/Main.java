package io.newsbrief.loadtest;

import java.util.Arrays;

/**
 * Entry point: {@code bench} measures the suite's performance, {@code soak} holds it under load.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) throws Exception {
    // PostgreSQL's own chatter goes to the log only when something is wrong.
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    String command = args.length == 0 ? "" : args[0];
    String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
    int exitCode =
        switch (command) {
          case "bench" -> BenchCommand.run(rest);
          case "soak" -> SoakCommand.run(rest);
          default -> {
            System.err.println(
                "usage: newsbrief-load bench [--quick] [--read-path | --write-path] | soak [--minutes N] [--rate PER_SECOND]");
            yield 2;
          }
        };
    System.exit(exitCode);
  }
}
