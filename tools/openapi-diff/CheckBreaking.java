/*
 * Breaking-change check between the last released contract and the working one, with
 * openapi-diff (org.openapitools.openapidiff:openapi-diff-core, Maven Central) deciding what
 * breaks a client, and the project's house rules on top:
 *   - a breaking change is allowed only with a new major info.version (and a new /vN prefix);
 *   - a removed schema under components.schemas breaks the generated clients' type names.
 *
 *   java -cp 'target/tools/openapi-diff/lib/*' tools/openapi-diff/CheckBreaking.java \
 *       --base openapi/released/openapi.yaml --head openapi/openapi.yaml
 *   java -cp ... tools/openapi-diff/CheckBreaking.java --self-test --base openapi/released/openapi.yaml
 *
 * .ci/contract.sh fetches the class path (tools/openapi-diff/pom.xml) and runs both. The
 * self-test mutates the released contract one way at a time and proves each known kind of break
 * is reported and each compatible change passes.
 */

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.ConsoleRender;

@SuppressWarnings({"rawtypes", "unchecked"})
public class CheckBreaking {

    /** The outcome: what openapi-diff found, what the house rules add, and whether it may ship. */
    record Verdict(ChangedOpenApi diff, List<String> houseFindings, boolean bumped) {
        boolean breaking() {
            return diff.isIncompatible() || !houseFindings.isEmpty();
        }

        boolean ok() {
            return !breaking() || bumped;
        }
    }

    public static void main(String[] args) throws Exception {
        String base = arg(args, "--base", "openapi/released/openapi.yaml");
        String head = arg(args, "--head", "openapi/openapi.yaml");
        if (List.of(args).contains("--self-test")) {
            System.exit(selfTest(base) ? 0 : 1);
        }
        Verdict v = check(read(base), read(head));
        String from = base + " (" + v.diff.getOldSpecOpenApi().getInfo().getVersion() + ")";
        String to = head + " (" + v.diff.getNewSpecOpenApi().getInfo().getVersion() + ")";
        if (!v.breaking()) {
            System.out.println("breaking-change check: no breaking change from " + from + " to " + to
                    + (v.diff.isDifferent() ? " (compatible changes: " + summary(v.diff) + ")" : ""));
            return;
        }
        System.out.print(render(v.diff));
        v.houseFindings.forEach(f -> System.out.println("  [house rule] " + f));
        if (v.bumped) {
            System.out.println("breaking-change check: breaking changes allowed: the major version changed (" + from + " → " + to + ")");
            return;
        }
        System.out.println("breaking-change check: FAILED: breaking changes from " + from + " to " + to + ".");
        System.out.println("  Breaking changes require a bumped major version in info.version (and a new /vN path prefix);");
        System.out.println("  otherwise make the change compatible (optional fields, new operations).");
        System.exit(1);
    }

    static Verdict check(OpenAPI base, OpenAPI head) {
        // openapi-diff resolves what it compares in place: give it copies, keep ours for the house rules.
        List<String> house = new ArrayList<>();
        TreeSet<String> removed = new TreeSet<>(schemas(base).keySet());
        removed.removeAll(schemas(head).keySet());
        removed.forEach(name -> house.add("components.schemas." + name + ": schema removed (generated clients name their types by it)"));
        int baseMajor = major(base.getInfo().getVersion());
        int headMajor = major(head.getInfo().getVersion());
        ChangedOpenApi diff = OpenApiCompare.fromSpecifications(base, head);
        return new Verdict(diff, house, baseMajor >= 0 && headMajor >= 0 && baseMajor != headMajor);
    }

    // ---------------------------------------------------------------- self-test

    record Case(String name, boolean breaking, Consumer<OpenAPI> mutate) {}

    static boolean selfTest(String basePath) {
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
                }));
        int passed = 0;
        int failed = 0;
        for (Case c : cases) {
            OpenAPI head = read(basePath);
            c.mutate.accept(head);
            Verdict v = check(read(basePath), head);
            boolean right = c.breaking ? !v.ok() : v.ok();
            if (right) {
                passed++;
                System.out.println("breaking-self-test: ok     " + c.name + (c.breaking ? " is breaking (" + firstFinding(v) + ")" : " passes"));
            } else {
                failed++;
                System.out.println("breaking-self-test: FAILED " + c.name + " should " + (c.breaking ? "be reported as breaking" : "pass") + "; got:");
                System.out.print(render(v.diff));
                v.houseFindings.forEach(f -> System.out.println("  [house rule] " + f));
            }
        }
        System.out.println("breaking-self-test: " + passed + " passed, " + failed + " failed");
        return failed == 0;
    }

    static String firstFinding(Verdict v) {
        if (!v.houseFindings.isEmpty()) {
            return "house rule: " + v.houseFindings.get(0);
        }
        return summary(v.diff);
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
        d.getChangedOperations().forEach(o -> parts.add((o.isIncompatible() ? "incompatible " : "changed ")
                + o.getHttpMethod() + " " + o.getPathUrl()));
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
