package io.newsbrief.gateway.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * One page of a list, newest or best first. {@code next} is the link to the following page, absent
 * on the last one; {@code cursor} is the same position for clients that build their own links.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record Page<T>(List<T> items, String cursor, String next) {}
