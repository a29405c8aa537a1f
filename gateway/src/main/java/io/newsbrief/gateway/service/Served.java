package io.newsbrief.gateway.service;

/**
 * A read's answer and whether it is the last good answer kept by the gateway because the service
 * behind it is failing ({@code stale}).
 */
public record Served<T>(T value, boolean stale) {}
