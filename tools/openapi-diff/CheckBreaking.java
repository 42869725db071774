/*
 * Breaking-change check between the last released contract and the working one, with
 * openapi-diff (org.openapitools.openapidiff:openapi-diff-core, Maven Central) deciding what
 * breaks a client, and the project's house rules on top:
 *   - a breaking change is allowed only with a new major info.version (and a new /vN prefix);
 *   - a removed schema under components.schemas breaks the generated clients' type names.
 *
 * Each incompatibility openapi-diff reports is named as a finding "operation | location |
 * property | kind" (e.g. "PUT /v1/frameworks/{frameworkId} | parameter header If-Match |
 * parameter-became-required"); a break the walk cannot name is an "unnamed-incompatibility", so
 * nothing slips through. Behind a type change openapi-diff compares nothing more, so the check
 * compares the released schema again with each oneOf member (allOf merged) or the single allOf
 * member in its place: accepting "object → oneOf" does not hide a property removed inside. A finding listed in openapi/released/accepted-breaking.yaml (next to
 * --base; --accepted overrides) with a written reason is printed as accepted; every other finding
 * fails, and so does an entry that matches no finding (the list cannot rot).
 *
 *   java -cp 'target/tools/openapi-diff/lib/*' tools/openapi-diff/CheckBreaking.java \
 *       --base openapi/released/openapi.yaml --head openapi/openapi.yaml
 *   java -cp ... tools/openapi-diff/CheckBreaking.java --self-test --base openapi/released/openapi.yaml
 *
 * .ci/contract.sh fetches the class path (tools/openapi-diff/pom.xml) and runs both. The
 * self-test mutates the released contract one way at a time and proves each known kind of break
 * is reported, each compatible change passes, an accepted change passes while an unaccepted one
 * (or one of another kind at the same place) still fails, a stale entry fails, and an entry
 * without a written reason or naming nothing precisely is refused.
 */

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openapitools.openapidiff.core.OpenApiCompare;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.openapitools.openapidiff.core.model.Changed;
import org.openapitools.openapidiff.core.model.ChangedApiResponse;
import org.openapitools.openapidiff.core.model.ChangedContent;
import org.openapitools.openapidiff.core.model.ChangedHeaders;
import org.openapitools.openapidiff.core.model.ChangedList;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedParameter;
import org.openapitools.openapidiff.core.model.ChangedParameters;
import org.openapitools.openapidiff.core.model.ChangedRequestBody;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.model.ChangedSecurityRequirements;
import org.openapitools.openapidiff.core.model.Endpoint;
import org.openapitools.openapidiff.core.model.schema.ChangedOneOfSchema;
import org.openapitools.openapidiff.core.output.ConsoleRender;

@SuppressWarnings({"rawtypes", "unchecked"})
public class CheckBreaking {

    /**
     * The outcome: what openapi-diff found (each incompatibility named as a {@link Finding}, the
     * house rules' among them), which of them the acceptance list accepts, which entries of the list
     * matched nothing, and whether the major version changed.
     */
    record Verdict(ChangedOpenApi diff, List<Finding> findings, Map<Finding, Acceptance> accepted,
            List<Acceptance> stale, boolean bumped) {
        List<Finding> unaccepted() {
            return findings.stream().filter(f -> !accepted.containsKey(f)).toList();
        }

        boolean breaking() {
            return !unaccepted().isEmpty();
        }

        boolean ok() {
            return (!breaking() || bumped) && stale.isEmpty();
        }
    }

    public static void main(String[] args) throws Exception {
        String base = arg(args, "--base", "openapi/released/openapi.yaml");
        String head = arg(args, "--head", "openapi/openapi.yaml");
        String acceptedPath = arg(args, "--accepted", Path.of(base).resolveSibling("accepted-breaking.yaml").toString());
        if (List.of(args).contains("--self-test")) {
            System.exit(selfTest(base) ? 0 : 1);
        }
        List<Acceptance> acceptances;
        try {
            acceptances = Acceptance.load(Path.of(acceptedPath));
        } catch (IllegalArgumentException e) {
            System.out.println("breaking-change check: FAILED: " + e.getMessage());
            System.exit(1);
            return;
        }
        Verdict v = check(() -> read(base), () -> read(head), acceptances);
        String from = base + " (" + v.diff.getOldSpecOpenApi().getInfo().getVersion() + ")";
        String to = head + " (" + v.diff.getNewSpecOpenApi().getInfo().getVersion() + ")";
        printAccepted(v);
        if (v.breaking()) {
            System.out.print(render(v.diff));
            System.out.println("breaking-change check: not accepted (" + v.unaccepted().size() + "):");
            v.unaccepted().forEach(f -> System.out.println("  BREAKING " + f));
        }
        v.stale.forEach(a -> System.out.println("  STALE    " + acceptedPath + ": " + a + " matches no finding;"
                + " remove it (or correct it: it must name operation, location, property and kind exactly)"));
        if (v.ok()) {
            if (v.breaking()) {
                System.out.println("breaking-change check: breaking changes allowed: the major version changed (" + from + " → " + to + ")");
            } else {
                System.out.println("breaking-change check: no breaking change from " + from + " to " + to
                        + (v.accepted.isEmpty() ? "" : " other than the " + v.accepted.size() + " accepted above")
                        + (v.diff.isDifferent() ? " (changes: " + summary(v.diff) + ")" : ""));
            }
            return;
        }
        System.out.println("breaking-change check: FAILED: " + (v.breaking() ? v.unaccepted().size() + " breaking change(s) from " + from + " to " + to : "")
                + (v.breaking() && !v.stale.isEmpty() ? "; " : "") + (v.stale.isEmpty() ? "" : v.stale.size() + " stale acceptance(s) in " + acceptedPath) + ".");
        if (v.breaking()) {
            System.out.println("  Make the change compatible (optional fields, new operations), or bump the major version in");
            System.out.println("  info.version (and a new /vN path prefix). Only a change that breaks no client on the wire may be");
            System.out.println("  listed in " + acceptedPath + ", with its reason.");
        }
        System.exit(1);
    }

    static void printAccepted(Verdict v) {
        Map<Acceptance, List<Finding>> by = new java.util.TreeMap<>(java.util.Comparator.comparingInt(Acceptance::index));
        v.accepted.forEach((f, a) -> by.computeIfAbsent(a, k -> new ArrayList<>()).add(f));
        by.forEach((a, fs) -> {
            System.out.println("breaking-change check: ACCEPTED " + fs.size() + " finding(s) by " + a);
            System.out.println("    reason: " + a.reason.replaceAll("\\s+", " ").trim());
            fs.stream().limit(12).forEach(f -> System.out.println("    accepted " + f));
            if (fs.size() > 12) {
                System.out.println("    … and " + (fs.size() - 12) + " more of the same entry");
            }
        });
    }

    static Verdict check(Supplier<OpenAPI> baseDoc, Supplier<OpenAPI> headDoc, List<Acceptance> acceptances) {
        // openapi-diff resolves what it compares in place: read the house rules' facts first.
        OpenAPI base = baseDoc.get();
        OpenAPI head = headDoc.get();
        TreeSet<String> removed = new TreeSet<>(schemas(base).keySet());
        removed.removeAll(schemas(head).keySet());
        int baseMajor = major(base.getInfo().getVersion());
        int headMajor = major(head.getInfo().getVersion());
        ChangedOpenApi diff = OpenApiCompare.fromSpecifications(base, head);
        List<Finding> all = new ArrayList<>(findings(diff));
        all.addAll(lookThroughTypeChanges(all, baseDoc, headDoc));
        removed.forEach(name -> all.add(new Finding("*", "components.schemas." + name, "", "schema-removed",
                "generated clients name their types by it")));
        List<Finding> findings = all.stream().distinct().toList();
        Map<Finding, Acceptance> accepted = new LinkedHashMap<>();
        Set<Acceptance> used = new HashSet<>();
        for (Finding f : findings) {
            for (Acceptance a : acceptances) {
                if (a.matches(f)) {
                    accepted.putIfAbsent(f, a);
                    used.add(a);
                }
            }
        }
        List<Acceptance> stale = new ArrayList<>();
        for (Acceptance a : acceptances) {
            if (!used.contains(a)) {
                stale.add(a);
            } else {
                // an entry naming several operations must match on each of them, or that part is stale
                for (String op : a.operations) {
                    if (findings.stream().noneMatch(f -> a.matches(f, op))) {
                        stale.add(a.only(op));
                    }
                }
            }
        }
        return new Verdict(diff, findings, accepted, stale, baseMajor >= 0 && headMajor >= 0 && baseMajor != headMajor);
    }

    // ---------------------------------------------------------------- acceptance list

    /**
     * An entry of openapi/released/accepted-breaking.yaml: a change openapi-diff reports as
     * incompatible that breaks no client on the wire, accepted with a written reason. It names
     * what it accepts exactly; {@code *} in a field stands for any run of characters.
     * <pre>
     * accepted:
     *   - operation: PUT /v1/projects/{projectId}      # or a list of them, or '*'
     *     location: parameter header If-Match          # "request body application/json", "response 409 application/problem+json", …
     *     property: currentState                       # inside the location's schema; omitted = the location itself
     *     kind: parameter-became-required              # as the check prints it
     *     reason: why no request that worked before fails now and no response a client read before changes
     * </pre>
     */
    record Acceptance(int index, List<String> operations, String location, String property, String kind, String reason) {
        static final Set<String> KEYS = Set.of("operation", "location", "property", "kind", "reason");

        static List<Acceptance> load(Path file) {
            if (!Files.exists(file)) {
                return List.of();
            }
            Object doc;
            try {
                doc = new ObjectMapper(new YAMLFactory()).readValue(file.toFile(), Object.class);
            } catch (Exception e) {
                throw new IllegalArgumentException(file + " is not YAML: " + e.getMessage());
            }
            return parse(file.toString(), doc);
        }

        static List<Acceptance> parse(String source, Object doc) {
            if (doc == null) {
                return List.of();
            }
            if (!(doc instanceof Map<?, ?> root) || !root.keySet().equals(Set.of("accepted"))) {
                throw new IllegalArgumentException(source + ": expected a map with the single key 'accepted'");
            }
            Object list = root.get("accepted");
            if (list == null) {
                return List.of();
            }
            if (!(list instanceof List<?> entries)) {
                throw new IllegalArgumentException(source + ": 'accepted' must be a list");
            }
            List<Acceptance> out = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                String at = source + ": accepted[" + i + "]";
                if (!(entries.get(i) instanceof Map<?, ?> e)) {
                    throw new IllegalArgumentException(at + " must be a map");
                }
                for (Object k : e.keySet()) {
                    if (!KEYS.contains(String.valueOf(k))) {
                        throw new IllegalArgumentException(at + ": unknown key '" + k + "' (known: " + new TreeSet<>(KEYS) + ")");
                    }
                }
                List<String> ops = new ArrayList<>();
                Object op = e.get("operation");
                if (op instanceof String one) {
                    ops.add(one.trim());
                } else if (op instanceof List<?> many && !many.isEmpty()) {
                    many.forEach(o -> ops.add(String.valueOf(o).trim()));
                } else {
                    throw new IllegalArgumentException(at + ": 'operation' is needed ('METHOD /path', a list of them, or '*')");
                }
                for (String o : ops) {
                    if (!o.equals("*") && !o.matches("(GET|PUT|POST|DELETE|PATCH|HEAD|OPTIONS|TRACE) /\\S*")) {
                        throw new IllegalArgumentException(at + ": operation '" + o + "' is not 'METHOD /path' or '*'");
                    }
                }
                String location = text(e.get("location"));
                String kind = text(e.get("kind"));
                String reason = text(e.get("reason"));
                if (location.isEmpty() || kind.isEmpty()) {
                    throw new IllegalArgumentException(at + ": 'location' and 'kind' are needed");
                }
                if (location.equals("*") || kind.equals("*")) {
                    throw new IllegalArgumentException(at + ": 'location' and 'kind' must name what is accepted, not '*'");
                }
                if (reason.length() < 40) {
                    throw new IllegalArgumentException(at + ": a written 'reason' is needed (why this breaks no client on the wire)");
                }
                out.add(new Acceptance(i, List.copyOf(ops), location, text(e.get("property")), kind, reason));
            }
            return out;
        }

        static String text(Object o) {
            return o == null ? "" : String.valueOf(o).trim();
        }

        boolean matches(Finding f) {
            return operations.stream().anyMatch(op -> matches(f, op));
        }

        boolean matches(Finding f, String op) {
            return glob(op, f.operation()) && glob(location, f.location()) && glob(property, f.property()) && kind.equals(f.kind());
        }

        Acceptance only(String op) {
            return new Acceptance(index, List.of(op), location, property, kind, reason);
        }

        static boolean glob(String pattern, String value) {
            String re = String.join(".*", Arrays.stream(pattern.split("\\*", -1)).map(Pattern::quote).toList());
            return Pattern.compile(re, Pattern.DOTALL).matcher(value).matches();
        }

        @Override
        public String toString() {
            return "accepted[" + index + "] {operation: " + (operations.size() == 1 ? operations.get(0) : operations)
                    + ", location: " + location + (property.isEmpty() ? "" : ", property: " + property) + ", kind: " + kind + "}";
        }
    }

    // ---------------------------------------------------------------- findings

    /**
     * One incompatibility openapi-diff reports, named precisely enough to accept it on its own:
     * the operation ("PUT /v1/frameworks/{frameworkId}", or "*" for a house rule on the whole
     * contract), where in it ("parameter header If-Match", "request body application/json",
     * "response 409 application/problem+json", "response 201"), the property inside that schema
     * ("" for the schema itself, "currentState", "items[].score", "oneOf(FINAL).total") and the
     * kind of change ("parameter-became-required", "response-enum-narrowed", …).
     */
    record Finding(String operation, String location, String property, String kind, String detail) {
        @Override
        public String toString() {
            return operation + " | " + location + (property.isEmpty() ? "" : " | " + property) + " | " + kind
                    + (detail.isEmpty() ? "" : " (" + detail + ")");
        }
    }


    /**
     * openapi-diff stops at a type change: behind "object → oneOf" or "$ref → allOf [$ref]" it
     * compares nothing more, so accepting the type change would hide a property removed inside.
     * For each such finding, compare the released schema again with each oneOf member (or the
     * single allOf member) put in the new schema's place, and add what that finds at the same place
     * (a oneOf member's findings under the property "oneOf(Member)…").
     */
    static List<Finding> lookThroughTypeChanges(List<Finding> found, Supplier<OpenAPI> baseDoc, Supplier<OpenAPI> headDoc) {
        List<Finding> more = new ArrayList<>();
        for (Finding f : found) {
            if (!f.kind().equals("type-changed") || f.operation().equals("*")) {
                continue;
            }
            Place placed = at(headDoc.get(), f);
            if (placed == null) {
                continue;
            }
            Schema was = placed.schema();
            List<Schema> members = was.getOneOf() != null ? was.getOneOf()
                    : was.getAllOf() != null && was.getAllOf().size() == 1 ? was.getAllOf() : List.of();
            boolean oneOf = was.getOneOf() != null;
            for (int i = 0; i < members.size(); i++) {
                Schema member = members.get(i);
                String name = member.get$ref() != null ? member.get$ref().substring(member.get$ref().lastIndexOf('/') + 1) : "#" + i;
                OpenAPI head = headDoc.get();
                Place target = at(head, f);
                if (target == null) {
                    continue;
                }
                // put the member in the new schema's place, its allOf merged into one object:
                // openapi-diff then compares what it holds with the released schema
                target.replace().accept(flatten(head, member));
                String prefix = oneOf ? join(f.property(), "oneOf(" + name + ")") : f.property();
                for (Finding g : findings(OpenApiCompare.fromSpecifications(baseDoc.get(), head))) {
                    boolean here = g.operation().equals(f.operation()) && g.location().equals(f.location())
                            && (g.property().equals(f.property()) || g.property().startsWith(f.property().isEmpty() ? "" : f.property() + ".")
                                    || g.property().startsWith(f.property() + "[]"));
                    if (here && !g.equals(f)) {
                        String rest = g.property().substring(f.property().length()).replaceFirst("^\\.", "");
                        more.add(new Finding(g.operation(), g.location(), rest.isEmpty() ? prefix : join(prefix, rest), g.kind(), g.detail()));
                    }
                }
            }
        }
        return more;
    }

    /** A schema with its references followed and its allOf parts merged (a later part's property wins). */
    static Schema flatten(OpenAPI d, Schema s) {
        s = deref(d, s);
        if (s == null || s.getAllOf() == null) {
            return s;
        }
        Schema out = new io.swagger.v3.oas.models.media.ObjectSchema();
        Map<String, Schema> props = new LinkedHashMap<>();
        TreeSet<String> required = new TreeSet<>();
        for (Object part : s.getAllOf()) {
            Schema p = flatten(d, (Schema) part);
            if (p == null) {
                continue;
            }
            if (p.getType() != null && !"object".equals(p.getType()) && p.getProperties() == null) {
                return p; // allOf [a non-object]: the member itself
            }
            if (p.getProperties() != null) {
                props.putAll(p.getProperties());
            }
            if (p.getRequired() != null) {
                required.addAll(p.getRequired());
            }
            if (p.getAdditionalProperties() != null) {
                out.setAdditionalProperties(p.getAdditionalProperties());
            }
        }
        if (s.getProperties() != null) {
            props.putAll(s.getProperties());
        }
        if (s.getRequired() != null) {
            required.addAll(s.getRequired());
        }
        out.setProperties(props);
        out.setRequired(required.isEmpty() ? null : new ArrayList<>(required));
        return out;
    }

    /** Where a finding's schema sits in a contract: the schema, and how to put another in its place. */
    record Place(Schema schema, Consumer<Schema> replace) {}

    /** The schema a finding names, in a contract as read (references to named schemas followed). */
    static Place at(OpenAPI d, Finding f) {
        String[] op = f.operation().split(" ", 2);
        var item = d.getPaths() == null ? null : d.getPaths().get(op[1]);
        if (item == null) {
            return null;
        }
        var operation = item.readOperationsMap().get(io.swagger.v3.oas.models.PathItem.HttpMethod.valueOf(op[0]));
        if (operation == null) {
            return null;
        }
        io.swagger.v3.oas.models.media.MediaType mt;
        Matcher resp = Pattern.compile("response (\\S+) (\\S+)").matcher(f.location());
        Matcher body = Pattern.compile("request body (\\S+)").matcher(f.location());
        if (resp.matches()) {
            var r = operation.getResponses() == null ? null : operation.getResponses().get(resp.group(1));
            if (r != null && r.get$ref() != null) {
                r = d.getComponents().getResponses().get(r.get$ref().substring(r.get$ref().lastIndexOf('/') + 1));
            }
            mt = r == null || r.getContent() == null ? null : r.getContent().get(resp.group(2));
        } else if (body.matches()) {
            var rb = operation.getRequestBody();
            if (rb != null && rb.get$ref() != null) {
                rb = d.getComponents().getRequestBodies().get(rb.get$ref().substring(rb.get$ref().lastIndexOf('/') + 1));
            }
            mt = rb == null || rb.getContent() == null ? null : rb.getContent().get(body.group(1));
        } else {
            return null;
        }
        if (mt == null || mt.getSchema() == null) {
            return null;
        }
        Place place = new Place(mt.getSchema(), mt::setSchema);
        if (f.property().isEmpty()) {
            return place;
        }
        for (String part : f.property().split("\\.")) {
            boolean items = part.endsWith("[]");
            String name = items ? part.substring(0, part.length() - 2) : part;
            if (!name.isEmpty()) {
                Schema parent = deref(d, place.schema());
                if (parent == null || parent.getProperties() == null || parent.getProperties().get(name) == null) {
                    return null;
                }
                Map<String, Schema> props = parent.getProperties();
                place = new Place(props.get(name), x -> props.put(name, x));
            }
            if (items) {
                Schema array = deref(d, place.schema());
                if (array == null || array.getItems() == null) {
                    return null;
                }
                place = new Place(array.getItems(), array::setItems);
            }
        }
        return place;
    }

    static Schema deref(OpenAPI d, Schema s) {
        while (s != null && s.get$ref() != null) {
            s = schemas(d).get(s.get$ref().substring(s.get$ref().lastIndexOf('/') + 1));
        }
        return s;
    }

    /** Walks what openapi-diff found down to each incompatible leaf. */
    static List<Finding> findings(ChangedOpenApi diff) {
        List<Finding> out = new ArrayList<>();
        for (Endpoint e : diff.getMissingEndpoints()) {
            out.add(new Finding(e.getMethod() + " " + e.getPathUrl(), "operation", "", "operation-removed", ""));
        }
        for (ChangedOperation o : diff.getChangedOperations()) {
            if (!o.isIncompatible()) {
                continue;
            }
            String op = o.getHttpMethod() + " " + o.getPathUrl();
            List<Finding> before = new ArrayList<>(out);
            parameters(out, op, o.getParameters());
            ChangedRequestBody rb = o.getRequestBody();
            if (rb != null && rb.isIncompatible()) {
                if (rb.isCoreChanged().isIncompatible()) {
                    out.add(new Finding(op, "request body", "", rb.isChangeRequired() ? "request-body-became-required" : "request-body-changed", ""));
                }
                content(out, op, "request body", rb.getContent());
            }
            responses(out, op, o.getApiResponses());
            ChangedSecurityRequirements sec = o.getSecurityRequirements();
            if (sec != null && sec.isIncompatible()) {
                out.add(new Finding(op, "security", "", "security-changed", ""));
            }
            boolean partsExplain = (o.getParameters() != null && o.getParameters().isIncompatible())
                    || (rb != null && rb.isIncompatible()) || (o.getApiResponses() != null && o.getApiResponses().isIncompatible())
                    || (sec != null && sec.isIncompatible());
            if (out.size() == before.size() || !partsExplain || o.isCoreChanged().isIncompatible()
                    || (o.getOperationId() != null && o.getOperationId().isIncompatible())
                    || (o.getExtensions() != null && o.getExtensions().isIncompatible())) {
                out.add(new Finding(op, "operation", "", "unnamed-incompatibility", "see openapi-diff's report"));
            }
        }
        if (diff.isIncompatible() && out.isEmpty()) {
            out.add(new Finding("*", "contract", "", "unnamed-incompatibility", "see openapi-diff's report"));
        }
        return out;
    }

    static void parameters(List<Finding> out, String op, ChangedParameters ps) {
        if (ps == null || !ps.isIncompatible()) {
            return;
        }
        int all = out.size();
        for (Parameter p : ps.getMissing()) {
            out.add(new Finding(op, "parameter " + p.getIn() + " " + p.getName(), "", "parameter-removed", ""));
        }
        for (Parameter p : ps.getIncreased()) {
            if (Boolean.TRUE.equals(p.getRequired())) {
                out.add(new Finding(op, "parameter " + p.getIn() + " " + p.getName(), "", "required-parameter-added", ""));
            }
        }
        for (ChangedParameter p : ps.getChanged()) {
            if (!p.isIncompatible()) {
                continue;
            }
            String loc = "parameter " + p.getIn() + " " + p.getName();
            int before = out.size();
            if (p.isCoreChanged().isIncompatible()) {
                out.add(new Finding(op, loc, "", p.isChangeRequired() ? "parameter-became-required"
                        : p.isChangeStyle() || p.isChangeExplode() ? "parameter-serialisation-changed"
                        : p.isChangeAllowEmptyValue() ? "parameter-allow-empty-changed" : "parameter-changed", ""));
            }
            schema(out, op, loc, "", p.getSchema());
            content(out, op, loc, p.getContent());
            unnamed(out, before, op, loc, "");
        }
        unnamed(out, all, op, "parameters", "");
    }

    static void responses(List<Finding> out, String op, ChangedApiResponse rs) {
        if (rs == null || !rs.isIncompatible()) {
            return;
        }
        int all = out.size();
        rs.getMissing().keySet().forEach(status -> out.add(new Finding(op, "response " + status, "", "response-removed", "")));
        rs.getChanged().forEach((status, r) -> {
            if (!r.isIncompatible()) {
                return;
            }
            String loc = "response " + status;
            int before = out.size();
            ChangedHeaders hs = r.getHeaders();
            if (hs != null && hs.isIncompatible()) {
                hs.getMissing().keySet().forEach(h -> out.add(new Finding(op, loc + " header " + h, "", "response-header-removed", "")));
                hs.getChanged().forEach((h, c) -> {
                    if (c.isIncompatible()) {
                        if (c.isCoreChanged().isIncompatible()) {
                            out.add(new Finding(op, loc + " header " + h, "", c.isRequired() ? "response-header-became-optional" : "response-header-changed", ""));
                        }
                        schema(out, op, loc + " header " + h, "", c.getSchema());
                        content(out, op, loc + " header " + h, c.getContent());
                    }
                });
            }
            content(out, op, loc, r.getContent());
            unnamed(out, before, op, loc, "");
        });
        unnamed(out, all, op, "responses", "");
    }

    static void content(List<Finding> out, String op, String loc, ChangedContent c) {
        if (c == null || !c.isIncompatible()) {
            return;
        }
        int before = out.size();
        c.getMissing().keySet().forEach(mt -> out.add(new Finding(op, loc + " " + mt, "", "media-type-removed", "")));
        c.getChanged().forEach((mt, m) -> schema(out, op, loc + " " + mt, "", m.getSchema()));
        unnamed(out, before, op, loc, "");
    }

    static void schema(List<Finding> out, String op, String loc, String prop, ChangedSchema s) {
        if (s == null || !s.isIncompatible()) {
            return;
        }
        int before = out.size();
        boolean response = s.getContext() != null && s.getContext().isResponse();
        String side = response ? "response" : "request";
        if (s.isCoreChanged().isIncompatible()) {
            if (s.isChangedType()) {
                out.add(new Finding(op, loc, prop, "type-changed", typeOf(s.getOldSchema()) + " → " + typeOf(s.getNewSchema())));
            } else if (s.isDiscriminatorPropertyChanged()) {
                out.add(new Finding(op, loc, prop, "discriminator-changed", ""));
            } else if (s.getOldSchema() != null && s.getOldSchema().getRequired() != null
                    && s.getMissingProperties().keySet().stream().anyMatch(s.getOldSchema().getRequired()::contains)) {
                s.getMissingProperties().keySet().stream().filter(s.getOldSchema().getRequired()::contains)
                        .forEach(name -> out.add(new Finding(op, loc, join(prop, name), "response-property-removed", "")));
            } else {
                out.add(new Finding(op, loc, prop, side + "-schema-changed", ""));
            }
        }
        s.getChangedProperties().forEach((name, c) -> schema(out, op, loc, join(prop, name), c));
        schema(out, op, loc, join(prop, "[]"), s.getItems());
        schema(out, op, loc, join(prop, "{}"), s.getAddProp());
        ChangedOneOfSchema one = s.getOneOfSchema();
        if (one != null && one.isIncompatible()) {
            if (one.isCoreChanged().isIncompatible()) {
                out.add(new Finding(op, loc, prop, side + "-oneof-changed",
                        "mappings removed " + one.getMissing().keySet() + ", added " + one.getIncreased().keySet()));
            }
            one.getChanged().forEach((name, c) -> schema(out, op, loc, join(prop, "oneOf(" + name + ")"), c));
        }
        leaf(out, op, loc, prop, side, "enum", s.getEnumeration());
        leaf(out, op, loc, prop, side, "required", s.getRequired());
        leaf(out, op, loc, prop, side, "read-only", s.getReadOnly());
        leaf(out, op, loc, prop, side, "write-only", s.getWriteOnly());
        leaf(out, op, loc, prop, side, "max-length", s.getMaxLength());
        leaf(out, op, loc, prop, side, "min-length", s.getMinLength());
        leaf(out, op, loc, prop, side, "numeric-range", s.getNumericRange());
        leaf(out, op, loc, prop, side, "multiple-of", s.getMultipleOf());
        leaf(out, op, loc, prop, side, "max-items", s.getMaxItems());
        leaf(out, op, loc, prop, side, "min-items", s.getMinItems());
        leaf(out, op, loc, prop, side, "max-properties", s.getMaxProperties());
        leaf(out, op, loc, prop, side, "min-properties", s.getMinProperties());
        leaf(out, op, loc, prop, side, "nullable", s.getNullable());
        leaf(out, op, loc, prop, side, "unique-items", s.getUniqueItems());
        leaf(out, op, loc, prop, side, "pattern", s.getPattern());
        leaf(out, op, loc, prop, side, "extensions", s.getExtensions());
        unnamed(out, before, op, loc, prop);
    }

    /** openapi-diff found a break under this place that the walk above did not name: never let it pass unnamed. */
    static void unnamed(List<Finding> out, int before, String op, String loc, String prop) {
        if (out.size() == before) {
            out.add(new Finding(op, loc, prop, "unnamed-incompatibility", "see openapi-diff's report"));
        }
    }

    static void leaf(List<Finding> out, String op, String loc, String prop, String side, String what, Changed c) {
        if (c == null || !c.isIncompatible()) {
            return;
        }
        String kind = side + "-" + what + "-changed";
        String detail = "";
        if (c instanceof ChangedList<?> l) {
            if (what.equals("enum")) {
                kind = side + "-enum-" + (l.getOldValue() == null || l.getOldValue().isEmpty() ? "introduced"
                        : l.getMissing().isEmpty() ? "widened" : l.getIncreased().isEmpty() ? "narrowed" : "changed");
            } else if (what.equals("required")) {
                kind = side + "-required-" + (l.getMissing().isEmpty() ? "added" : l.getIncreased().isEmpty() ? "removed" : "changed");
            }
            detail = (l.getMissing().isEmpty() ? "" : "removed " + l.getMissing()) + (l.getMissing().isEmpty() || l.getIncreased().isEmpty() ? "" : ", ")
                    + (l.getIncreased().isEmpty() ? "" : "added " + l.getIncreased());
        }
        out.add(new Finding(op, loc, prop, kind, detail));
    }

    static String typeOf(Schema s) {
        if (s == null) {
            return "none";
        }
        return s.get$ref() != null ? s.get$ref() : s.getOneOf() != null ? "oneOf" : String.valueOf(s.getType());
    }

    static String join(String prop, String name) {
        return prop.isEmpty() ? name : name.equals("[]") ? prop + "[]" : prop + "." + name;
    }

    // ---------------------------------------------------------------- self-test

    enum Expect { PASS, BREAKING, STALE }

    record Case(String name, Expect expect, Consumer<OpenAPI> mutate, String accepted) {
        Case(String name, boolean breaking, Consumer<OpenAPI> mutate) {
            this(name, breaking ? Expect.BREAKING : Expect.PASS, mutate, null);
        }
    }

    /** An acceptance list as the YAML file would hold it (one entry, each field given; null leaves it out). */
    static String entry(String operation, String location, String property, String kind) {
        return "accepted:\n  - operation: '" + operation + "'\n    location: '" + location + "'\n"
                + (property == null ? "" : "    property: '" + property + "'\n")
                + "    kind: " + kind + "\n    reason: A self-test entry; its reason is long enough to be a written one.\n";
    }

    static boolean selfTest(String basePath) {
        String resultTypeChange = entry("GET /v1/evaluations/{evaluationId}/result", "response 200 application/json", null, "type-changed");
        String ifMatchOnProject = entry("PUT /v1/projects/{projectId}", "parameter header If-Match", null, "parameter-became-required");
        List<Case> cases = List.of(
                // what a client built on the released contract would trip over
                new Case("removed operation (POST /v1/projects)", true, d -> d.getPaths().get("/v1/projects").setPost(null)),
                new Case("removed path (/v1/projects/{projectId})", true, d -> d.getPaths().remove("/v1/projects/{projectId}")),
                new Case("removed response property (Project.station)", true, d -> {
                    schema(d, "Project").getProperties().remove("station");
                    schema(d, "Project").getRequired().remove("station");
                }),
                new Case("new required request property (ProjectCreate.budgetCode)", true, d -> {
                    schema(d, "ProjectCreate").addProperty("budgetCode", new StringSchema());
                    schema(d, "ProjectCreate").addRequiredItem("budgetCode");
                }),
                new Case("optional request property became required (EvaluationInput.weights)", true,
                        d -> schema(d, "EvaluationInput").addRequiredItem("weights")),
                new Case("narrowed request enum (EvaluationInput.phase without FINAL)", true,
                        d -> schema(d, "EvaluationInput").getProperties().put("phase", enumOf("MID_TERM"))),
                new Case("changed request property type (EvaluationInput.fiscalYear: string)", true,
                        d -> schema(d, "EvaluationInput").getProperties().put("fiscalYear", new StringSchema())),
                new Case("new required query parameter (GET /v1/projects?fiscalYear)", true,
                        d -> d.getPaths().get("/v1/projects").getGet().addParametersItem(
                                new QueryParameter().name("fiscalYear").required(true).schema(new StringSchema()))),
                new Case("removed 2xx status (POST /v1/evaluations 201 → 200)", true, d -> {
                    ApiResponses r = d.getPaths().get("/v1/evaluations").getPost().getResponses();
                    r.addApiResponse("200", r.remove("201"));
                }),
                new Case("removed named schema (house rule: FieldError inlined)", true, d -> inlineAndRemove(d, "FieldError")),
                // what it would not notice
                new Case("unchanged contract", false, d -> {}),
                new Case("added optional request and response property", false, d -> {
                    schema(d, "ProjectCreate").addProperty("remark", new StringSchema().maxLength(200));
                    schema(d, "Project").addProperty("remark", new StringSchema());
                }),
                new Case("added optional query parameter and a new path", false, d -> {
                    d.getPaths().get("/v1/projects").getGet().addParametersItem(
                            new QueryParameter().name("station").schema(new StringSchema()));
                    d.getPaths().addPathItem("/v1/reports", d.getPaths().get("/v1/projects"));
                }),
                new Case("widened request enum (EvaluationInput.phase + SPECIAL)", false,
                        d -> schema(d, "EvaluationInput").getProperties().put("phase", enumOf("MID_TERM", "FINAL", "SPECIAL"))),
                new Case("breaking change with a bumped major version", false, d -> {
                    d.getPaths().remove("/v1/projects/{projectId}");
                    d.getInfo().setVersion((major(d.getInfo().getVersion()) + 1) + ".0.0");
                }),
                // the acceptance list: what it names passes, nothing else does, and it cannot rot
                new Case("If-Match made required on PUT /v1/projects/{projectId}, accepted by an entry naming it", Expect.PASS,
                        d -> requireIfMatch(d, "/v1/projects/{projectId}", "put"), ifMatchOnProject),
                new Case("If-Match made required on PUT /v1/projects/{projectId}, no entry", Expect.BREAKING,
                        d -> requireIfMatch(d, "/v1/projects/{projectId}", "put"), null),
                new Case("If-Match made required on two operations, the entry names one", Expect.BREAKING, d -> {
                    requireIfMatch(d, "/v1/projects/{projectId}", "put");
                    requireIfMatch(d, "/v1/frameworks/{frameworkId}", "put");
                }, ifMatchOnProject),
                new Case("response property removed (Project.station), the entry names another kind on the same place", Expect.BREAKING, d -> {
                    schema(d, "Project").getProperties().remove("station");
                    schema(d, "Project").getRequired().remove("station");
                }, entry("*", "response * application/json", "station", "response-enum-introduced")),
                new Case("Problem.currentState typed by an enum, accepted on every operation by one entry", Expect.PASS,
                        d -> schema(d, "Problem").getProperties().put("currentState", enumOf("DRAFT", "OPEN", "FINALIZED")),
                        entry("*", "response * application/problem+json", "currentState", "response-enum-introduced")),
                new Case("result typed by state (oneOf of allOf members), the type change accepted", Expect.PASS,
                        d -> resultByState(d), resultTypeChange),
                new Case("result typed by state and a required property removed behind it, the type change accepted", Expect.BREAKING, d -> {
                    resultByState(d);
                    schema(d, "EvaluationResult").getProperties().remove("parties");
                    schema(d, "EvaluationResult").getRequired().remove("parties");
                }, resultTypeChange),
                new Case("an entry that matches nothing (unchanged contract)", Expect.STALE, d -> {}, ifMatchOnProject),
                new Case("an entry naming two operations, one of which has no such finding", Expect.STALE,
                        d -> requireIfMatch(d, "/v1/projects/{projectId}", "put"),
                        ifMatchOnProject.replace("'PUT /v1/projects/{projectId}'", "['PUT /v1/projects/{projectId}', 'PUT /v1/frameworks/{frameworkId}']")));
        int passed = 0;
        int failed = 0;
        for (Case c : cases) {
            Verdict v = check(() -> read(basePath), () -> {
                OpenAPI h = read(basePath);
                c.mutate.accept(h);
                return h;
            }, c.accepted == null ? List.of() : acceptances(c.accepted));
            boolean right = switch (c.expect) {
                case PASS -> v.ok();
                case BREAKING -> !v.ok() && v.breaking();
                case STALE -> !v.ok() && !v.breaking() && !v.stale().isEmpty();
            };
            String what = switch (c.expect) {
                case PASS -> "passes" + (v.accepted().isEmpty() ? "" : " (" + v.accepted().size() + " accepted, e.g. " + v.accepted().keySet().iterator().next() + ")");
                case BREAKING -> "is breaking (" + firstFinding(v) + ")";
                case STALE -> "fails as stale (" + (v.stale().isEmpty() ? "" : v.stale().get(0)) + ")";
            };
            if (right) {
                passed++;
                System.out.println("breaking-self-test: ok     " + c.name + " " + what);
            } else {
                failed++;
                System.out.println("breaking-self-test: FAILED " + c.name + " should be " + c.expect + "; got: unaccepted "
                        + v.unaccepted() + ", stale " + v.stale() + ", accepted " + v.accepted().size());
            }
        }
        // the list itself: an entry without a written reason, or naming nothing precisely, is refused
        for (String[] bad : new String[][] {
                {"an entry without a reason", "accepted:\n  - {operation: '*', location: 'parameter header If-Match', kind: parameter-became-required}\n"},
                {"an entry with a one-word reason", "accepted:\n  - {operation: '*', location: 'parameter header If-Match', kind: parameter-became-required, reason: fine}\n"},
                {"an entry accepting any kind", "accepted:\n  - {operation: '*', location: 'parameter header If-Match', kind: '*', reason: 'A reason long enough to be a written one, but for anything.'}\n"},
                {"an entry with a mistyped key", "accepted:\n  - {operation: '*', locaton: 'parameter header If-Match', kind: parameter-became-required, reason: 'A reason long enough to be a written one.'}\n"}}) {
            try {
                acceptances(bad[1]);
                failed++;
                System.out.println("breaking-self-test: FAILED " + bad[0] + " should be refused");
            } catch (IllegalArgumentException e) {
                passed++;
                System.out.println("breaking-self-test: ok     " + bad[0] + " is refused (" + e.getMessage() + ")");
            }
        }
        System.out.println("breaking-self-test: " + passed + " passed, " + failed + " failed");
        return failed == 0;
    }

    static List<Acceptance> acceptances(String yaml) {
        try {
            return Acceptance.parse("self-test", new ObjectMapper(new YAMLFactory()).readValue(yaml, Object.class));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The result's 200 body as a oneOf of two allOf [EvaluationResult, a state] members, told apart by state. */
    static void resultByState(OpenAPI d) {
        List<Schema> members = new ArrayList<>();
        for (String[] m : new String[][] {{"ProvisionalResult", "DRAFT", "OPEN"}, {"FinalResult", "FINALIZED"}}) {
            Schema own = new io.swagger.v3.oas.models.media.ObjectSchema().addProperty("state", enumOf(Arrays.copyOfRange(m, 1, m.length)));
            d.getComponents().addSchemas(m[0], new io.swagger.v3.oas.models.media.ComposedSchema()
                    .addAllOfItem(new Schema().$ref("#/components/schemas/EvaluationResult")).addAllOfItem(own));
            members.add(new Schema().$ref("#/components/schemas/" + m[0]));
        }
        var content = d.getPaths().get("/v1/evaluations/{evaluationId}/result").getGet().getResponses().get("200").getContent();
        content.get("application/json").setSchema(new io.swagger.v3.oas.models.media.ComposedSchema().oneOf(members)
                .discriminator(new io.swagger.v3.oas.models.media.Discriminator().propertyName("state")));
    }

    /** Replaces an operation's If-Match parameter (a $ref to the shared optional one) by a required copy. */
    static void requireIfMatch(OpenAPI d, String path, String method) {
        var op = switch (method) {
            case "put" -> d.getPaths().get(path).getPut();
            case "post" -> d.getPaths().get(path).getPost();
            default -> throw new IllegalArgumentException(method);
        };
        var params = op.getParameters();
        int i = 0;
        for (; i < params.size(); i++) {
            var p = params.get(i);
            if ("If-Match".equals(p.getName()) || (p.get$ref() != null && p.get$ref().endsWith("/IfMatch"))) {
                break;
            }
        }
        if (i == params.size()) {
            throw new IllegalStateException(method + " " + path + " has no If-Match parameter in the released contract: update the self-test");
        }
        params.set(i, new HeaderParameter().name("If-Match").required(true).schema(new StringSchema().maxLength(64)));
    }

    static String firstFinding(Verdict v) {
        List<Finding> u = v.unaccepted();
        return u.isEmpty() ? "nothing unaccepted" : u.get(0) + (u.size() > 1 ? " and " + (u.size() - 1) + " more" : "");
    }

    /** A one-line summary of what openapi-diff found. */
    static String summary(ChangedOpenApi d) {
        List<String> parts = new ArrayList<>();
        if (!d.getMissingEndpoints().isEmpty()) {
            parts.add("missing " + d.getMissingEndpoints().stream().map(e -> e.getMethod() + " " + e.getPathUrl()).toList());
        }
        if (!d.getNewEndpoints().isEmpty()) {
            parts.add(d.getNewEndpoints().size() + " new endpoint(s)");
        }
        if (!d.getChangedOperations().isEmpty()) {
            parts.add(d.getChangedOperations().size() + " changed operation(s)");
        }
        return parts.isEmpty() ? "openapi-diff: incompatible" : "openapi-diff: " + String.join("; ", parts.subList(0, Math.min(3, parts.size())))
                + (parts.size() > 3 ? "; …" : "");
    }

    static String render(ChangedOpenApi diff) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStreamWriter w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            new ConsoleRender().render(diff, w);
        } catch (Exception e) {
            return "(openapi-diff could not render the difference: " + e + ")\n";
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- model helpers

    static OpenAPI read(String path) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        var result = new OpenAPIV3Parser().readLocation(path, null, options);
        if (result.getOpenAPI() == null) {
            throw new IllegalArgumentException("cannot read " + path + ": " + result.getMessages());
        }
        return result.getOpenAPI();
    }

    @SuppressWarnings("rawtypes")
    static Map<String, Schema> schemas(OpenAPI d) {
        return d.getComponents() == null || d.getComponents().getSchemas() == null ? Map.of() : d.getComponents().getSchemas();
    }

    @SuppressWarnings("rawtypes")
    static Schema schema(OpenAPI d, String name) {
        Schema s = schemas(d).get(name);
        if (s == null) {
            throw new IllegalStateException("the released contract has no schema " + name + ": update the self-test");
        }
        return s;
    }

    static StringSchema enumOf(String... values) {
        StringSchema s = new StringSchema();
        for (String v : values) {
            s.addEnumItem(v);
        }
        return s;
    }

    /** Replaces every reference to a named schema by a copy of it, then removes the name. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static void inlineAndRemove(OpenAPI d, String name) {
        String ref = "#/components/schemas/" + name;
        Schema copy = schemas(d).remove(name);
        for (Schema s : List.copyOf(schemas(d).values())) {
            if (s.getProperties() != null) {
                s.getProperties().replaceAll((k, p) -> inline((Schema) p, ref, copy));
            }
            if (s.getItems() != null) {
                s.setItems(inline(s.getItems(), ref, copy));
            }
            if (s.getProperties() != null) {
                for (Object p : s.getProperties().values()) {
                    Schema ps = (Schema) p;
                    if (ps.getItems() != null) {
                        ps.setItems(inline(ps.getItems(), ref, copy));
                    }
                }
            }
        }
    }

    @SuppressWarnings("rawtypes")
    static Schema inline(Schema s, String ref, Schema copy) {
        return ref.equals(s.get$ref()) ? copy : s;
    }

    static int major(String version) {
        Matcher m = Pattern.compile("^v?(\\d+)").matcher(version == null ? "" : version);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
