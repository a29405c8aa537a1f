package io.newsbrief.commons.text;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Lucene makes token attributes by name: for an attribute interface its default factory loads the
 * class named after it plus {@code Impl} and calls its public no-argument constructor. A native
 * image keeps only what is registered, so without this an analyzer fails with "Cannot find
 * implementing class for: …KeywordAttribute" (found on the native executables: summary-service's
 * summarizer, article-service's story terms). Every attribute implementation of lucene-core, so
 * that other filters work too. By name only: a service without Lucene (the gateway) registers
 * nothing it lacks.
 */
@RegisterForReflection(
    classNames = {
      "org.apache.lucene.analysis.tokenattributes.BytesTermAttributeImpl",
      "org.apache.lucene.analysis.tokenattributes.CharTermAttributeImpl",
      "org.apache.lucene.analysis.tokenattributes.FlagsAttributeImpl",
      "org.apache.lucene.analysis.tokenattributes.KeywordAttributeImpl",
      "org.apache.lucene.analysis.tokenattributes.OffsetAttributeImpl",
      "org.apache.lucene.analysis.tokenattributes.PackedTokenAttributeImpl",
      "org.apache.lucene.analysis.tokenattributes.PayloadAttributeImpl",
      "org.apache.lucene.analysis.tokenattributes.PositionIncrementAttributeImpl",
      "org.apache.lucene.analysis.tokenattributes.PositionLengthAttributeImpl",
      "org.apache.lucene.analysis.tokenattributes.SentenceAttributeImpl",
      "org.apache.lucene.analysis.tokenattributes.TermFrequencyAttributeImpl",
      "org.apache.lucene.analysis.tokenattributes.TypeAttributeImpl"
    },
    methods = false,
    fields = false,
    ignoreNested = true)
final class LuceneNativeSupport {

  private LuceneNativeSupport() {}
}
