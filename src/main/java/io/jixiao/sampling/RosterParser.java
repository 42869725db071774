package io.jixiao.sampling;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Parses a client roster uploaded by an assessor, in CSV or JSON, into {@link RosterEntry entries} in file order.
 *
 * <p>The roster holds pseudonymous codes only. Anything that looks like personal data (a name, phone or ID
 * column, a code shaped like a mobile or ID-card number) is refused by the {@link PersonalDataScreen} rather than
 * silently dropped, so the uploader learns to keep it out of the file. All problems found are reported at once
 * (up to {@value RosterProblems#MAX}) with their line and column, so one round of fixing is usually enough.
 *
 * <p>CSV (RFC 4180, read by {@link RosterCsvReader} with Jackson's CSV parser): UTF-8, optional BOM, comma
 * separator, LF or CRLF line ends (a bare CR counts as a line end too, as old Excel exports use it), optional
 * double quotes with {@code ""} for a quote inside them. The first line is the header with exactly the columns
 * {@code code} and {@code stratum} (aliases 编号/代码 and 层/类别/分层), in any order. Problem lines are physical
 * line numbers.
 *
 * <p>JSON: {@code {"entries":[{"code":"K001","stratum":"KEY_CLIENT"}, ...]}}. There the
 * {@link RosterProblem#line() line} of a problem is the 1-based index of the entry in {@code entries}
 * (0 for problems of the whole file), and the column is the property name.
 */
public final class RosterParser {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private static final Set<String> CODE_HEADERS = Set.of("code", "编号", "代码");
    private static final Set<String> STRATUM_HEADERS = Set.of("stratum", "层", "类别", "分层");

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private RosterParser() {}

    /** The roster was refused; {@link #problems()} says everything that is wrong with it. */
    public static final class RosterRejected extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final transient List<RosterProblem> problems;

        public RosterRejected(List<RosterProblem> problems) {
            super(summary(problems));
            this.problems = List.copyOf(problems);
        }

        public List<RosterProblem> problems() {
            return problems;
        }

        private static String summary(List<RosterProblem> problems) {
            if (problems.isEmpty()) {
                return "roster rejected";
            }
            RosterProblem first = problems.get(0);
            return "roster rejected with " + problems.size() + " problem(s); first: line " + first.line() + ", column "
                    + first.column() + ": " + first.message();
        }
    }

    // ---------------------------------------------------------------- CSV

    public static List<RosterEntry> parseCsv(byte[] bytes, Set<String> knownStrata) {
        Objects.requireNonNull(knownStrata, "knownStrata");
        List<RosterCsvReader.Row> rows = RosterCsvReader.read(decodeUtf8(bytes));
        // Trailing empty lines are what editors leave behind; they carry no meaning.
        while (!rows.isEmpty() && rows.get(rows.size() - 1).isBlank()) {
            rows.remove(rows.size() - 1);
        }
        RosterProblems problems = new RosterProblems();
        if (rows.isEmpty()) {
            problems.add(0, "file", "the file is empty; its first line must be the header: code,stratum");
            throw problems.rejection();
        }

        RosterCsvReader.Row header = rows.get(0);
        List<String> names = header.fields.stream().map(String::strip).toList();
        header.quoteProblems.forEach(p -> problems.add(header.line, "header", p.message()));
        int codeAt = -1;
        int stratumAt = -1;
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String lower = name.toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                problems.add(header.line, "header", "column " + (i + 1) + " has no name; remove it or name it");
            } else if (CODE_HEADERS.contains(lower) || STRATUM_HEADERS.contains(lower)) {
                boolean isCode = CODE_HEADERS.contains(lower);
                int earlier = isCode ? codeAt : stratumAt;
                if (earlier >= 0) {
                    problems.add(
                            header.line,
                            name,
                            "column " + name + " appears twice (also as " + names.get(earlier) + " in column "
                                    + (earlier + 1) + "); keep one");
                } else if (isCode) {
                    codeAt = i;
                } else {
                    stratumAt = i;
                }
            } else if (PersonalDataScreen.looksPersonal(name)) {
                problems.add(header.line, name, PersonalDataScreen.refusal("column", name));
            } else {
                problems.add(
                        header.line,
                        name,
                        "unknown column " + name
                                + "; the roster has exactly the columns code and stratum (or 编号/代码 and 层/类别/分层)");
            }
        }
        if (codeAt < 0) {
            problems.add(header.line, "code", "missing column code (or 编号/代码) in the header line");
        }
        if (stratumAt < 0) {
            problems.add(header.line, "stratum", "missing column stratum (or 层/类别/分层) in the header line");
        }

        Entries entries = new Entries(knownStrata, problems);
        for (RosterCsvReader.Row row : rows.subList(1, rows.size())) {
            if (row.isBlank()) {
                problems.add(row.line, "row", "empty line in the middle of the roster; remove it");
            } else if (!row.quoteProblems.isEmpty()) {
                // The row's fields are not what the author meant; checking them would only add noise.
                row.quoteProblems.forEach(p -> problems.add(p.line(), columnName(names, p.field()), p.message()));
            } else if (row.fields.size() != names.size()) {
                problems.add(
                        row.line,
                        "row",
                        "expected " + names.size() + " fields as in the header, found " + row.fields.size()
                                + " (a code or stratum containing a comma must be in double quotes)");
            } else if (codeAt >= 0 && stratumAt >= 0) {
                entries.check(
                        row.line,
                        names.get(codeAt),
                        row.fields.get(codeAt),
                        names.get(stratumAt),
                        row.fields.get(stratumAt));
            }
        }
        if (rows.size() == 1) {
            problems.add(0, "file", "the roster has no entries");
        }
        return entries.result();
    }

    private static String columnName(List<String> names, int field) {
        return field < names.size() && !names.get(field).isEmpty() ? names.get(field) : "column " + (field + 1);
    }

    // ---------------------------------------------------------------- JSON

    public static List<RosterEntry> parseJson(byte[] bytes, Set<String> knownStrata) {
        Objects.requireNonNull(knownStrata, "knownStrata");
        String text = decodeUtf8(bytes);
        RosterProblems problems = new RosterProblems();
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            problems.add(0, "file", "the file is not valid JSON: " + e.getOriginalMessage() + where);
            throw problems.rejection();
        }
        if (root == null || root.isMissingNode()) {
            problems.add(0, "file", "the file is empty; expected {\"entries\": [{\"code\": ..., \"stratum\": ...}]}");
            throw problems.rejection();
        }
        if (!root.isObject()) {
            problems.add(0, "file", "the file must hold one object {\"entries\": [...]}");
            throw problems.rejection();
        }
        root.properties().stream()
                .map(Map.Entry::getKey)
                .filter(name -> !name.equals("entries"))
                .forEach(name -> problems.add(0, name, unknownProperty(name, "the file holds only \"entries\"")));
        JsonNode list = root.get("entries");
        if (list == null || !list.isArray()) {
            problems.add(0, "entries", list == null ? "missing property entries" : "entries must be an array");
            throw problems.rejection();
        }
        if (list.isEmpty()) {
            problems.add(0, "file", "the roster has no entries");
        }

        Entries entries = new Entries(knownStrata, problems);
        for (int i = 0; i < list.size(); i++) {
            int index = i + 1;
            JsonNode entry = list.get(i);
            if (!entry.isObject()) {
                problems.add(index, "entry", "each entry must be an object {\"code\": ..., \"stratum\": ...}");
                continue;
            }
            entry.properties().stream()
                    .map(Map.Entry::getKey)
                    .filter(name -> !name.equals("code") && !name.equals("stratum"))
                    .forEach(name ->
                            problems.add(index, name, unknownProperty(name, "an entry holds only code and stratum")));
            String code = text(entry, "code", index, problems);
            String stratum = text(entry, "stratum", index, problems);
            if (code != null && stratum != null) {
                entries.check(index, "code", code, "stratum", stratum);
            }
        }
        return entries.result();
    }

    private static String unknownProperty(String name, String allowed) {
        return PersonalDataScreen.looksPersonal(name)
                ? PersonalDataScreen.refusal("property", name)
                : "unknown property " + name + "; " + allowed;
    }

    private static String text(JsonNode entry, String property, int index, RosterProblems problems) {
        JsonNode value = entry.get(property);
        if (value == null || value.isNull()) {
            problems.add(index, property, property + " is missing");
            return null;
        }
        if (!value.isTextual()) {
            problems.add(index, property, property + " must be a string (in double quotes)");
            return null;
        }
        return value.asText();
    }

    // ---------------------------------------------------------------- shared

    /** Checks entries one by one, the same way for CSV and JSON, and remembers where each code first appeared. */
    private static final class Entries {
        private final Set<String> knownStrata;
        private final RosterProblems problems;
        private final Map<String, Integer> firstLine = new HashMap<>();
        private final List<RosterEntry> entries = new ArrayList<>();

        Entries(Set<String> knownStrata, RosterProblems problems) {
            this.knownStrata = knownStrata;
            this.problems = problems;
        }

        void check(int line, String codeColumn, String code, String stratumColumn, String rawStratum) {
            boolean ok = true;
            // The rejected value is not echoed: it may be exactly the personal data we refuse to handle.
            String refused = CODE.matcher(code).matches()
                    ? PersonalDataScreen.lookalike(code).orElse(null)
                    : code.isBlank()
                            ? "code is empty"
                            : "code is not valid: use 1 to 32 characters, each a letter A-Z/a-z, a digit, '_' or '-'";
            if (refused != null) {
                problems.add(line, codeColumn, refused);
                ok = false;
            } else {
                Integer first = firstLine.putIfAbsent(code, line);
                if (first != null) {
                    problems.add(line, codeColumn, "duplicate code " + code + ", first on line " + first);
                    ok = false;
                }
            }
            String stratum = rawStratum.strip();
            if (!knownStrata.contains(stratum)) {
                String shown = stratum.length() > 40 ? stratum.substring(0, 40) + "…" : stratum;
                String allowed = knownStrata.isEmpty()
                        ? "the plan has no strata"
                        : "the plan's strata are: " + String.join(", ", new TreeSet<>(knownStrata));
                problems.add(
                        line,
                        stratumColumn,
                        (stratum.isEmpty() ? "stratum is empty" : "unknown stratum " + shown) + "; " + allowed);
                ok = false;
            }
            if (ok) {
                entries.add(new RosterEntry(code, stratum));
            }
        }

        List<RosterEntry> result() {
            if (!problems.isEmpty()) {
                throw problems.rejection();
            }
            return List.copyOf(entries);
        }
    }

    /** Strict UTF-8 decoding: a GBK file must not be turned into mojibake codes that merely look valid. */
    private static String decodeUtf8(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length); // UTF-8 never yields more chars than bytes
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            // 0x0A never occurs inside a multi-byte UTF-8 sequence, so counting it in the raw bytes is exact.
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw new RosterRejected(List.of(new RosterProblem(
                    line,
                    "file",
                    "the file is not UTF-8 text (first " + "invalid byte on line " + line
                            + "); save it as UTF-8 (e.g. GBK files must be converted)")));
        }
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
