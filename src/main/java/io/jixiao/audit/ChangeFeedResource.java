package io.jixiao.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.api.EventsApi;
import io.jixiao.api.model.ChangeEvent;
import io.jixiao.api.model.ChangeEventPage;
import io.jixiao.common.JixiaoConfig;
import io.jixiao.common.security.Caller;
import io.jixiao.common.security.CurrentCaller;
import io.jixiao.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;

/**
 * The change feed as pages ({@code GET /v1/events}) and as Server-Sent Events
 * ({@code GET /v1/events/stream}).
 *
 * <p>The stream polls the audit trail (every {@code jixiao.events.poll-interval}) rather than
 * waiting on PostgreSQL LISTEN/NOTIFY: a listener needs one dedicated database connection per
 * replica held outside the pool, a notification is lost while nobody listens (a restart, a
 * reconnecting replica), and resuming from Last-Event-ID has to read the table anyway, so the
 * table is the one source of truth and a poll is one indexed range read that returns nothing
 * most of the time. Each poll borrows a pooled connection only for its query.
 *
 * <p>The generated interface returns {@code Response}, which Quarkus REST cannot stream from a
 * Mutiny {@code Multi} (it streams a {@code Multi} only when it is the declared return type), so
 * the stream is a {@link StreamingOutput} written on a worker thread, which it holds while open:
 * {@code jixiao.events.max-stream} bounds that, and the client reconnects with Last-Event-ID.
 */
public class ChangeFeedResource implements EventsApi {

    /** Events read per poll; a full batch is followed at once by the next one. */
    private static final int BATCH = 100;

    @Inject
    ChangeFeed feed;

    @Inject
    CurrentCaller caller;

    @Inject
    ObjectMapper json;

    @Inject
    JixiaoConfig config;

    @Override
    @RolesAllowed({Roles.AUDITOR, Roles.BUREAU, Roles.STREET_OFFICE, Roles.ASSESSOR, Roles.PROVIDER})
    public Response listChangeEvents(String after, Integer limit) {
        ChangeFeed.Batch batch =
                feed.after(caller.get(), ChangeFeed.Position.of("after", after), limit == null ? 20 : limit);
        return Response.ok(new ChangeEventPage()
                        .items(batch.changes().stream()
                                .map(ChangeFeedResource::toApi)
                                .toList())
                        .nextCursor(batch.next().cursor()))
                .build();
    }

    @Override
    @RolesAllowed({Roles.AUDITOR, Roles.BUREAU, Roles.STREET_OFFICE, Roles.ASSESSOR, Roles.PROVIDER})
    public Response streamChangeEvents(String after, String lastEventID) {
        // The header wins: a browser's EventSource reconnects with the URL it started with.
        ChangeFeed.Position start = lastEventID != null && !lastEventID.isBlank()
                ? ChangeFeed.Position.of("Last-Event-ID", lastEventID)
                : ChangeFeed.Position.of("after", after);
        Caller who = caller.get();
        StreamingOutput stream = out -> {
            try {
                stream(who, start, out);
            } catch (IOException clientGone) {
                // the client closed the connection: nothing to answer, it resumes with Last-Event-ID
            }
        };
        return Response.ok(stream, "text/event-stream;charset=UTF-8")
                .header("Cache-Control", "no-cache")
                .header("X-Accel-Buffering", "no")
                .build();
    }

    private void stream(Caller who, ChangeFeed.Position start, OutputStream out) throws IOException {
        long pollMillis = Math.max(10, config.events().pollInterval().toMillis());
        long heartbeatMillis = Math.max(10, config.events().heartbeat().toMillis());
        long deadline = System.currentTimeMillis() + config.events().maxStream().toMillis();
        // retry: how long a client waits before reconnecting when the stream ends
        write(out, "retry: " + pollMillis + "\n\n");
        long lastWrite = System.currentTimeMillis();
        ChangeFeed.Position position = start;
        while (System.currentTimeMillis() < deadline) {
            ChangeFeed.Batch batch = feed.after(who, position, BATCH);
            if (!batch.changes().isEmpty()) {
                StringBuilder frames = new StringBuilder();
                for (ChangeFeed.Change change : batch.changes()) {
                    frames.append("id: ")
                            .append(change.position().cursor())
                            .append("\nevent: change\ndata: ")
                            .append(data(change))
                            .append("\n\n");
                }
                write(out, frames.toString());
                position = batch.next();
                lastWrite = System.currentTimeMillis();
                if (batch.changes().size() == BATCH) {
                    continue;
                }
            } else if (System.currentTimeMillis() - lastWrite >= heartbeatMillis) {
                write(out, ": heartbeat\n\n");
                lastWrite = System.currentTimeMillis();
            }
            long sleep =
                    Math.min(pollMillis, Math.min(heartbeatMillis, Math.max(0, deadline - System.currentTimeMillis())));
            try {
                Thread.sleep(sleep);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Writes and flushes; a client that went away ends the stream with an IOException. */
    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private String data(ChangeFeed.Change change) {
        try {
            return json.writeValueAsString(toApi(change));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ChangeEvent toApi(ChangeFeed.Change c) {
        return new ChangeEvent()
                .cursor(c.position().cursor())
                .eventId(c.eventId())
                .occurredAt(c.occurredAt().withOffsetSameInstant(ZoneOffset.UTC))
                .operation(c.operation())
                .objectType(c.objectType())
                .objectId(c.objectId())
                .district(c.district())
                .projectId(c.projectId())
                .evaluationId(c.evaluationId())
                .organisation(c.organisation());
    }
}
