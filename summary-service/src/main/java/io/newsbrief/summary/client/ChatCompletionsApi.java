package io.newsbrief.summary.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The OpenAI-compatible chat-completions call (OpenAI, Ollama, vLLM, LM Studio...). */
@Path("/chat/completions")
public interface ChatCompletionsApi {

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  Response create(@HeaderParam("Authorization") String authorization, Request request);

  @RegisterForReflection
  record Request(
      String model,
      List<Message> messages,
      double temperature,
      @JsonProperty("response_format") ResponseFormat responseFormat) {}

  @RegisterForReflection
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Message(String role, String content) {}

  @RegisterForReflection
  record ResponseFormat(String type) {}

  @RegisterForReflection
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Response(List<Choice> choices) {}

  @RegisterForReflection
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Choice(Message message) {}
}
