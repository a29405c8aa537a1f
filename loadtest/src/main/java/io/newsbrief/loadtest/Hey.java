package io.newsbrief.loadtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code hey} load generator (Debian's package, written in Go): it reaches 30k+ req/s on this
 * machine's loopback, where the JDK's HttpClient tops out near 3.5k and would measure itself.
 * Installed with apt-get when missing and allowed; its printed summary is parsed.
 */
final class Hey {

  /** One run: throughput, latency percentiles, answers by status, and transport errors. */
  record Result(
      double perSecond,
      double p50Millis,
      double p99Millis,
      Map<Integer, Long> statuses,
      long errors) {

    long answered() {
      return statuses.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Answers other than {@code expected}, plus transport errors. */
    long failures(int expected) {
      return answered() - statuses.getOrDefault(expected, 0L) + errors;
    }
  }

  private static final Pattern PER_SECOND = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
  private static final Pattern PERCENTILE = Pattern.compile("(?m)^\\s+(\\d+)%+ in ([0-9.]+) secs$");
  private static final Pattern STATUS =
      Pattern.compile("(?m)^\\s+\\[(\\d{3})]\\s+(\\d+) responses");
  private static final Pattern ERROR = Pattern.compile("(?m)^\\s+\\[(\\d+)]\\s+\\D");

  private final String executable;

  private Hey(String executable) {
    this.executable = executable;
  }

  /** hey from the PATH, installed first (apt-get, as root) when it is not there. */
  static Hey installed() throws IOException, InterruptedException {
    if (!onPath("hey")) {
      if (!onPath("apt-get") || !"root".equals(System.getProperty("user.name"))) {
        throw new IllegalStateException(
            "the read-path bench needs `hey` (Debian: apt-get install hey): the JDK's HttpClient"
                + " would be the bottleneck");
      }
      System.out.println("bench: installing hey (apt-get)");
      exec(List.of("apt-get", "update", "-qq"));
      exec(List.of("apt-get", "install", "-y", "-qq", "hey"));
    }
    return new Hey("hey");
  }

  /** {@code connections} clients on keep-alive connections, for {@code duration}. */
  Result run(String url, List<String> headers, Duration duration, int connections)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                executable, "-z", duration.toSeconds() + "s", "-c", Integer.toString(connections)));
    headers.forEach(
        header -> {
          command.add("-H");
          command.add(header);
        });
    command.add(url);
    return parse(exec(command));
  }

  static Result parse(String output) {
    Matcher perSecond = PER_SECOND.matcher(output);
    if (!perSecond.find()) {
      throw new IllegalStateException("not hey's summary:\n" + output);
    }
    Map<Integer, Double> percentiles = new LinkedHashMap<>();
    Matcher percentile = PERCENTILE.matcher(output);
    while (percentile.find()) {
      percentiles.put(
          Integer.parseInt(percentile.group(1)), Double.parseDouble(percentile.group(2)) * 1000);
    }
    Map<Integer, Long> statuses = new LinkedHashMap<>();
    Matcher status = STATUS.matcher(output);
    while (status.find()) {
      statuses.put(Integer.parseInt(status.group(1)), Long.parseLong(status.group(2)));
    }
    long errors = 0;
    int errorSection = output.indexOf("Error distribution:");
    if (errorSection >= 0) {
      Matcher error = ERROR.matcher(output.substring(errorSection));
      while (error.find()) {
        errors += Long.parseLong(error.group(1));
      }
    }
    return new Result(
        Double.parseDouble(perSecond.group(1)),
        percentiles.getOrDefault(50, Double.NaN),
        percentiles.getOrDefault(99, Double.NaN),
        statuses,
        errors);
  }

  private static boolean onPath(String program) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String directory : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(directory, program))) {
        return true;
      }
    }
    return false;
  }

  private static String exec(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
    }
    return output;
  }
}
