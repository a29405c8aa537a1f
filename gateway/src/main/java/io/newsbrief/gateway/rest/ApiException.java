package io.newsbrief.gateway.rest;

import jakarta.ws.rs.core.Response;

/** An error the gateway decides itself (bad parameter, missing key, rate limit), as a problem. */
public class ApiException extends RuntimeException {

  private final transient Response response;

  public ApiException(Problem problem) {
    this(problem.response().build());
  }

  public ApiException(Response response) {
    super(((Problem) response.getEntity()).detail());
    this.response = response;
  }

  public Response response() {
    return response;
  }
}
