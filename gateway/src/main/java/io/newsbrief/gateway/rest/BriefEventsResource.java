package io.newsbrief.gateway.rest;

import io.newsbrief.commons.error.InvalidArgumentException;
import io.newsbrief.gateway.client.DownstreamRejection;
import io.newsbrief.gateway.config.GatewayConfig;
import io.newsbrief.gateway.model.BriefEvent;
import io.newsbrief.gateway.service.BriefEvents;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Live updates of the feed as Server-Sent Events. */
@Path("/api/v1/briefs/events")
@Tag(name = "Briefs")
public class BriefEventsResource {

  static final String EVENT_NAME = "briefs";
  private static final String LAST_EVENT_ID = "Last-Event-ID";

  private final BriefEvents events;
  private final Duration heartbeat;

  BriefEventsResource(BriefEvents events, GatewayConfig config) {
    this.events = events;
    this.heartbeat = config.events().heartbeat();
  }

  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @Blocking // a resume asks summary-service what was missed before the stream starts
  @Operation(
      summary = "Live updates of the feed (Server-Sent Events)",
      description =
          "Each `briefs` event's data is `{\"changed\": [articleId…], \"removed\": [articleId…]}`"
              + " and its id a sync token: browsers resume with `Last-Event-ID` on their own, and"
              + " the id is also a valid `changedSince`. The first event without `Last-Event-ID`"
              + " is empty and carries the present's id. A comment line every 15 s keeps the"
              + " connection open; a client too slow to read is disconnected and resumes.")
  @APIResponse(responseCode = "200", description = "The event stream")
  @APIResponse(responseCode = "410", description = "Last-Event-ID is too old: sync in full")
  public Multi<OutboundSseEvent> follow(
      @Parameter(description = "The id of the last event received, to resume after it")
          @HeaderParam(LAST_EVENT_ID)
          String lastEventId,
      @Context Sse sse) {
    Multi<OutboundSseEvent> updates =
        follow(Params.syncToken(LAST_EVENT_ID, lastEventId))
            .map(
                event ->
                    sse.newEventBuilder()
                        .name(EVENT_NAME)
                        .id(event.id())
                        .mediaType(MediaType.TEXT_PLAIN_TYPE) // already JSON: sent as it is
                        .data(String.class, event.json())
                        .build());
    Multi<OutboundSseEvent> heartbeats =
        Multi.createFrom()
            .ticks()
            .every(heartbeat)
            .onOverflow()
            .drop()
            .map(tick -> sse.newEventBuilder().comment("").build());
    return Multi.createBy().merging().streams(updates, heartbeats);
  }

  /** The updates, with a refused resume point named as the header the client sent. */
  private Multi<BriefEvent> follow(String lastEventId) {
    try {
      return events.follow(lastEventId);
    } catch (DownstreamRejection e) {
      if (e.reason() != DownstreamRejection.Reason.INVALID) {
        throw e;
      }
      throw new InvalidArgumentException(LAST_EVENT_ID, "is not an event id of this feed");
    }
  }
}
