package io.newsbrief.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Where the cores go during a measurement: CPU seconds (user + system, from {@code /proc}) of each
 * named process and of all PostgreSQL processes together, between {@link #start} and {@link
 * #coresUsed}. Linux only; backends that exit in between are not counted.
 */
final class CpuUse {

  private static final String POSTGRES = "postgres";
  private static final double TICKS_PER_SECOND = 100.0;

  private final Map<String, Long> pids;
  private Map<String, Long> startTicks = Map.of();
  private long startNanos;

  CpuUse(Map<String, Long> pids) {
    this.pids = new TreeMap<>(pids);
  }

  void start() throws IOException {
    startTicks = ticks();
    startNanos = System.nanoTime();
  }

  /** Cores each process used on average since {@link #start}, as "name 0.83". */
  String coresUsed() throws IOException {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    Map<String, Long> now = ticks();
    StringBuilder used = new StringBuilder();
    double total = 0;
    for (Map.Entry<String, Long> process : now.entrySet()) {
      double cores =
          (process.getValue() - startTicks.getOrDefault(process.getKey(), 0L))
              / TICKS_PER_SECOND
              / seconds;
      total += cores;
      used.append(used.isEmpty() ? "" : ", ")
          .append(String.format("%s %.2f", process.getKey(), cores));
    }
    return used + String.format(" (of 2 cores: %.2f)", total);
  }

  private Map<String, Long> ticks() throws IOException {
    Map<String, Long> ticks = new LinkedHashMap<>();
    for (Map.Entry<String, Long> process : pids.entrySet()) {
      ticks.put(process.getKey(), ticksOf(process.getValue()));
    }
    long postgres = 0;
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      for (Path process : processes.toList()) {
        String name = process.getFileName().toString();
        if (name.chars().allMatch(Character::isDigit) && POSTGRES.equals(command(process))) {
          postgres += ticksOf(Long.parseLong(name));
        }
      }
    }
    ticks.put(POSTGRES, postgres);
    return ticks;
  }

  private static String command(Path process) {
    try {
      return Files.readString(process.resolve("comm")).strip();
    } catch (IOException e) {
      return "";
    }
  }

  /** utime + stime of a process, 0 when it is gone. */
  private static long ticksOf(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // Fields after the command name, which may hold spaces: state is field 3, utime 14, stime 15.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
