package io.newsbrief.summary.repository;

public enum JobState {
  PENDING,
  RUNNING,
  DONE,
  FAILED;

  public boolean isTerminal() {
    return this == DONE || this == FAILED;
  }
}
