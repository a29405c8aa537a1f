package io.newsbrief.summary.summarizer;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** A headed part of a story brief: one sub-topic. */
@RegisterForReflection
public record StorySection(String heading, List<CitedSentence> sentences) {}
