package io.newsbrief.summary;

import io.newsbrief.testing.HealthProbesContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HealthEndpointsTest extends HealthProbesContract {}
