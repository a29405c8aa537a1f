package io.newsbrief.summary.summarizer;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * A sentence of a story brief and the sources that tell it.
 *
 * @param sources indexes into the story's sources, from 0, ascending
 */
@RegisterForReflection
public record CitedSentence(String text, List<Integer> sources) {}
