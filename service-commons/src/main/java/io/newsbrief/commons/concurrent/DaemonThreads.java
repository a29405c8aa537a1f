package io.newsbrief.commons.concurrent;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads for a service's own background pools: named after the pool (visible in logs and thread
 * dumps) and daemon, so a pool never holds the JVM open at shutdown.
 */
public final class DaemonThreads {

  private DaemonThreads() {}

  /** A factory of threads named {@code prefix-1}, {@code prefix-2}, … */
  public static ThreadFactory named(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
