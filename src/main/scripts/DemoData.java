/*
 * Loads the Jixiao demo data (Huangpu district, Guangzhou: the Wenchong station's 2022 year)
 * through the public API. The data is not in this file: src/main/demo/wenchong-2022.json lists
 * the requests in order, and their bodies are the JSON (and CSV) files under
 * src/main/demo/requests/, exactly as the API receives them. DemoDataTest validates every one of
 * them against openapi/openapi.yaml and loads the whole set into the test app.
 *
 *   java -cp 'target/quarkus-app/lib/main/*' src/main/scripts/DemoData.java \
 *       http://localhost:8080 http://localhost:8180/realms/jixiao [--record FILE]
 *
 * Single-file program; Jackson comes from the packaged app's libraries (run.sh passes them).
 * Tokens come from the realm's password grant (client jixiao-cli, the demo users of
 * k8s/base/keycloak/jixiao-realm.json, password jixiao-demo); DEMO_TOKEN_<user> in the
 * environment gives a user's token instead (the test does so). --record writes every exchange
 * (request and response) as one JSON line, for the contract check.
 *
 * A step of the plan (all but method and path optional):
 *   say             what to print ("[demo] ..."), or one text per status ({"201": ..., "409": ...})
 *   as              the demo user who sends it
 *   method, path    the request
 *   body            a JSON file under src/main/demo; bodyFrom: a variable instead; csv: a text/csv file
 *   idempotencyKey  sent as Idempotency-Key
 *   ifMatch         a path read first (GET, same user) whose ETag is sent as If-Match
 *   expect          the statuses that count as success (default 200, 201)
 *   save            {variable: JSON pointer into the response}, "" for the whole response
 *   check           {JSON pointer: expected text}: the load fails otherwise
 *   forEach         {"file": a JSON array file} or {"in": variable, "at": pointer with * wildcards}:
 *                   the step once per element, as {item} (and {index}); with: {variable: [one per element]}
 *   stopIfFound     {"items": pointer, "where": {pointer: text}, "say": ...}: stop (successfully)
 *                   when the response lists a matching item (the data was loaded before)
 * "{name}" or "{name/pointer}" in a path, header, text or body string is replaced by the saved
 * value; a body string that is nothing but a placeholder takes the value's JSON type.
 * {response/...} and {status} refer to the step's answer.
 */

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class DemoData {

    static final Path PLAN = Path.of("src/main/demo/wenchong-2022.json");
    static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)((?:/[^{}/]*)*)\\}");
    static final ObjectMapper JSON = new ObjectMapper();
    static final PrintStream OUT = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1).build();
    /** Tokens live 900 s; renew well before. */
    static final long TOKEN_REUSE_MILLIS = 600_000;

    static String api;
    static String realm;
    static Writer record;
    static final Map<String, JsonNode> vars = new HashMap<>();
    static final Map<String, String> tokens = new HashMap<>();
    static final Map<String, Long> tokenTimes = new HashMap<>();

    record Answer(int status, HttpResponse<String> http, JsonNode json) {}

    static final class Failed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failed(String message) {
            super(message);
        }
    }

    /** Thrown by stopIfFound: the rest of the plan is skipped. */
    static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2 && !(args.length == 4 && args[2].equals("--record"))) {
            System.err.println("usage: java -cp 'target/quarkus-app/lib/main/*' src/main/scripts/DemoData.java <apiBase> <oidcRealmUrl> [--record FILE]");
            System.exit(2);
        }
        api = args[0].replaceAll("/+$", "");
        realm = args[1].replaceAll("/+$", "");
        record = args.length == 4 ? Files.newBufferedWriter(Path.of(args[3]), StandardCharsets.UTF_8) : null;
        try {
            for (JsonNode step : JSON.readTree(PLAN.toFile())) {
                run(step);
            }
            OUT.println("[demo] done");
        } catch (Stop stop) {
            OUT.println("[demo] done");
        } catch (Failed e) {
            System.err.println("demo data: FAILED: " + e.getMessage());
            System.exit(1);
        } finally {
            if (record != null) {
                record.close();
            }
        }
    }

    static void run(JsonNode step) throws Exception {
        JsonNode forEach = step.path("forEach");
        if (forEach.isMissingNode()) {
            once(step);
            return;
        }
        List<JsonNode> items = forEach.has("file")
                ? select(JSON.readTree(PLAN.resolveSibling(forEach.get("file").asText()).toFile()), "/*")
                : select(variable(forEach.get("in").asText()), forEach.get("at").asText());
        for (int i = 0; i < items.size(); i++) {
            vars.put("item", items.get(i));
            vars.put("index", IntNode.valueOf(i));
            for (Map.Entry<String, JsonNode> e : step.path("with").properties()) {
                if (i >= e.getValue().size()) {
                    throw new Failed(step.get("path").asText() + ": 'with' has fewer " + e.getKey() + " values than items (" + items.size() + ")");
                }
                vars.put(e.getKey(), e.getValue().get(i));
            }
            once(step);
        }
    }

    static void once(JsonNode step) throws Exception {
        String user = step.path("as").asText(null);
        String method = step.get("method").asText();
        String path = text(step.get("path").asText());
        List<String> headers = new ArrayList<>();
        if (step.has("idempotencyKey")) {
            headers.addAll(List.of("Idempotency-Key", text(step.get("idempotencyKey").asText())));
        }
        if (step.has("ifMatch")) {
            String from = text(step.get("ifMatch").asText());
            Answer current = expect(send("GET", from, user, null, null, List.of()), "GET " + from, List.of(200));
            headers.addAll(List.of("If-Match", current.http.headers().firstValue("ETag")
                    .orElseThrow(() -> new Failed("GET " + from + ": no ETag"))));
        }
        String body = null;
        String type = null;
        if (step.has("body") || step.has("bodyFrom")) {
            JsonNode template = step.has("body") ? JSON.readTree(PLAN.resolveSibling(step.get("body").asText()).toFile())
                    : variable(step.get("bodyFrom").asText());
            body = JSON.writeValueAsString(fill(template));
            type = "application/json";
        } else if (step.has("csv")) {
            body = Files.readString(PLAN.resolveSibling(step.get("csv").asText()), StandardCharsets.UTF_8);
            type = "text/csv";
        }
        List<Integer> expected = new ArrayList<>();
        step.path("expect").forEach(s -> expected.add(s.asInt()));
        Answer answer = expect(send(method, path, user, body, type, headers), method + " " + path,
                expected.isEmpty() ? List.of(200, 201) : expected);
        vars.put("response", answer.json);
        vars.put("status", IntNode.valueOf(answer.status));
        for (Map.Entry<String, JsonNode> e : step.path("save").properties()) {
            JsonNode value = answer.json.at(e.getValue().asText());
            if (value.isMissingNode()) {
                throw new Failed(method + " " + path + ": no " + e.getValue().asText() + " in " + answer.http.body());
            }
            vars.put(e.getKey(), value);
        }
        for (Map.Entry<String, JsonNode> e : step.path("check").properties()) {
            String actual = answer.json.at(e.getKey()).asText();
            if (!actual.equals(e.getValue().asText())) {
                throw new Failed(method + " " + path + ": " + e.getKey() + " should be " + e.getValue().asText() + ", is " + actual);
            }
        }
        JsonNode stop = step.path("stopIfFound");
        if (!stop.isMissingNode()) {
            for (JsonNode item : answer.json.at(stop.get("items").asText())) {
                boolean all = true;
                for (Map.Entry<String, JsonNode> e : stop.get("where").properties()) {
                    all &= item.at(e.getKey()).asText().equals(e.getValue().asText());
                }
                if (all) {
                    vars.put("found", item);
                    OUT.println("[demo] " + text(stop.get("say").asText(), true));
                    throw new Stop();
                }
            }
        }
        JsonNode say = step.path("say");
        if (say.isObject()) {
            say = say.path(String.valueOf(answer.status));
        }
        if (say.isTextual()) {
            OUT.println("[demo] " + text(say.asText(), true));
        }
    }

    // ---------------------------------------------------------------- placeholders

    static JsonNode variable(String name) {
        JsonNode v = vars.get(name);
        if (v == null) {
            throw new Failed("the plan uses {" + name + "} before a step saves it");
        }
        return v;
    }

    static JsonNode lookup(String name, String pointer) {
        JsonNode v = variable(name).at(pointer);
        if (v.isMissingNode()) {
            throw new Failed("{" + name + pointer + "}: no such value in " + variable(name));
        }
        return v;
    }

    static String text(String template) {
        return text(template, false);
    }

    /** lenient: a value missing from the answer prints as "?" (for messages only). */
    static String text(String template, boolean lenient) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            JsonNode v = lenient ? vars.getOrDefault(m.group(1), JSON.missingNode()).at(m.group(2)) : lookup(m.group(1), m.group(2));
            m.appendReplacement(sb, Matcher.quoteReplacement(v.isMissingNode() ? "?" : v.asText()));
        }
        return m.appendTail(sb).toString();
    }

    /** A copy of the template with its placeholders filled in. */
    static JsonNode fill(JsonNode node) {
        if (node.isTextual()) {
            Matcher whole = PLACEHOLDER.matcher(node.asText());
            return whole.matches() ? lookup(whole.group(1), whole.group(2)).deepCopy() : TextNode.valueOf(text(node.asText()));
        }
        if (node.isArray()) {
            ArrayNode out = JSON.createArrayNode();
            node.forEach(n -> out.add(fill(n)));
            return out;
        }
        if (node.isObject()) {
            ObjectNode out = JSON.createObjectNode();
            node.properties().forEach(e -> out.set(e.getKey(), fill(e.getValue())));
            return out;
        }
        return node;
    }

    /** The nodes a pointer with * wildcards (any array element) reaches. */
    static List<JsonNode> select(JsonNode root, String pointer) {
        List<JsonNode> nodes = List.of(root);
        for (String part : pointer.substring(1).split("/")) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode n : nodes) {
                if (part.equals("*")) {
                    n.forEach(next::add);
                } else if (!n.at("/" + part).isMissingNode()) {
                    next.add(n.at("/" + part));
                }
            }
            nodes = next;
        }
        return nodes;
    }

    // ---------------------------------------------------------------- HTTP

    static Answer expect(Answer a, String what, List<Integer> statuses) {
        if (!statuses.contains(a.status)) {
            throw new Failed(what + ": expected " + statuses + ", got " + a.status + "\n" + a.http.body());
        }
        return a;
    }

    static Answer send(String method, String path, String user, String body, String type, List<String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (user != null) {
            b.header("Authorization", "Bearer " + token(user));
        }
        if (type != null) {
            b.header("Content-Type", type);
        }
        for (int i = 0; i < headers.size(); i += 2) {
            b.header(headers.get(i), headers.get(i + 1));
        }
        HttpResponse<String> res = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode json;
        try {
            json = res.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(res.body());
        } catch (Exception notJson) {
            json = JSON.createObjectNode();
        }
        if (record != null) {
            ObjectNode line = JSON.createObjectNode().put("method", method).put("path", path).put("contentType", type).put("body", body)
                    .put("status", res.statusCode()).put("responseBody", res.body());
            ObjectNode responseHeaders = line.putObject("responseHeaders");
            res.headers().map().forEach((k, v) -> responseHeaders.put(k, v.get(0)));
            ObjectNode requestHeaders = line.putObject("requestHeaders");
            for (int i = 0; i < headers.size(); i += 2) {
                requestHeaders.put(headers.get(i), headers.get(i + 1));
            }
            record.write(JSON.writeValueAsString(line) + "\n");
        }
        return new Answer(res.statusCode(), res, json);
    }

    /** The user's access token: DEMO_TOKEN_<user> if set, else the realm's password grant (cached a while). */
    static String token(String user) throws Exception {
        String given = System.getenv("DEMO_TOKEN_" + user);
        if (given != null) {
            return given;
        }
        Long at = tokenTimes.get(user);
        if (at != null && System.currentTimeMillis() - at < TOKEN_REUSE_MILLIS) {
            return tokens.get(user);
        }
        String form = "grant_type=password&client_id=jixiao-cli&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=jixiao-demo";
        HttpResponse<String> res = HTTP.send(HttpRequest.newBuilder(URI.create(realm + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (res.statusCode() != 200) {
            throw new Failed("token for " + user + ": expected 200, got " + res.statusCode() + "\n" + res.body());
        }
        String token = JSON.readTree(res.body()).path("access_token").asText();
        tokens.put(user, token);
        tokenTimes.put(user, System.currentTimeMillis());
        return token;
    }
}
