package io.newsbrief.summary;

import io.newsbrief.testing.EmbeddedPostgresResource;
import io.newsbrief.testing.HealthProbesContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class HealthEndpointsTest extends HealthProbesContract {}
