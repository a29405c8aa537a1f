package io.newsbrief.gateway;

import io.newsbrief.testing.HealthProbesContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HealthEndpointsTest extends HealthProbesContract {}
