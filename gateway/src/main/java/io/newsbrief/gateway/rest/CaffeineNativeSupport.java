package io.newsbrief.gateway.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Caffeine picks a generated cache class and node class by the builder's options and makes them
 * through method handles; a native image keeps only the registered ones. {@link ETaggedResponses}
 * keys its cache weakly with a maximum size: cache {@code WSMS} (weak keys, strong values, maximum
 * size) and node {@code FSMS}. Without this the native gateway failed every kept answer with
 * "IllegalStateException: WSMS".
 */
@RegisterForReflection(
    classNames = {
      "com.github.benmanes.caffeine.cache.WSMS",
      "com.github.benmanes.caffeine.cache.FSMS"
    },
    methods = false,
    fields = false)
final class CaffeineNativeSupport {

  private CaffeineNativeSupport() {}
}
