package io.newsbrief.summary.summarizer;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** A headed part of a brief. */
@RegisterForReflection
public record Section(String heading, List<String> paragraphs) {}
