package io.jixiao.support;

import io.restassured.RestAssured;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Reads the change feed's Server-Sent Events stream with java.net.http, frame by frame. */
public final class Sse {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private Sse() {}

    /** One SSE frame: its id and event name and data (null when absent), or a comment line. */
    public record Frame(String id, String event, String data, String comment) {}

    /** The status and content type of the stream's answer (the stream is then dropped). */
    public record Head(int status, String contentType) {}

    public static Head head(String token, Map<String, String> headers, String query) {
        try {
            HttpResponse<InputStream> response =
                    CLIENT.send(request(token, headers, query), HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            return new Head(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads frames until {@code enough} says so or the server ends the stream; answers every
     * frame read (comments included), in order.
     */
    public static List<Frame> read(
            String token, Map<String, String> headers, String query, Predicate<List<Frame>> enough) {
        List<Frame> frames = new ArrayList<>();
        try {
            HttpResponse<InputStream> response =
                    CLIENT.send(request(token, headers, query), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                throw new AssertionError("stream answered " + response.statusCode() + ": "
                        + new String(response.body().readAllBytes(), StandardCharsets.UTF_8));
            }
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String id = null;
                String event = null;
                StringBuilder data = null;
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.isEmpty()) {
                        if (id != null || event != null || data != null) {
                            frames.add(new Frame(id, event, data == null ? null : data.toString(), null));
                            id = null;
                            event = null;
                            data = null;
                            if (enough.test(frames)) {
                                return frames;
                            }
                        }
                    } else if (line.startsWith(":")) {
                        frames.add(new Frame(null, null, null, line.substring(1).trim()));
                        if (enough.test(frames)) {
                            return frames;
                        }
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).trim();
                    } else if (line.startsWith("event:")) {
                        event = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        String value = line.substring(5).trim();
                        data = data == null
                                ? new StringBuilder(value)
                                : data.append('\n').append(value);
                    }
                    // retry: and unknown fields are ignored, as EventSource does
                }
            }
            return frames;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest request(String token, Map<String, String> headers, String query) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                        + "/v1/events/stream" + (query == null ? "" : "?" + query)))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "text/event-stream")
                .GET();
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        headers.forEach(builder::header);
        return builder.build();
    }
}
