package io.jixiao.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jixiao.sampling.RosterParser.RosterRejected;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RosterParserTest {

    private static final Set<String> STRATA = Set.of("KEY_CLIENT", "GENERAL_CLIENT", "RESIDENT");

    private static List<RosterEntry> csv(String text) {
        return RosterParser.parseCsv(text.getBytes(StandardCharsets.UTF_8), STRATA);
    }

    private static List<RosterEntry> json(String text) {
        return RosterParser.parseJson(text.getBytes(StandardCharsets.UTF_8), STRATA);
    }

    private static List<RosterProblem> problems(Executable parse) {
        return assertThrows(RosterRejected.class, parse).problems();
    }

    /** Asserts a problem with this line and column whose message contains every fragment. */
    private static void assertHas(List<RosterProblem> problems, int line, String column, String... fragments) {
        assertTrue(
                problems.stream()
                        .anyMatch(p -> p.line() == line
                                && p.column().equals(column)
                                && List.of(fragments).stream().allMatch(p.message()::contains)),
                () -> "expected line " + line + ", column " + column + ", " + List.of(fragments) + " in " + problems);
    }

    // ------------------------------------------------------------ good CSV

    @Test
    void readsAPlainCsvInFileOrder() {
        assertEquals(
                List.of(
                        new RosterEntry("K001", "KEY_CLIENT"),
                        new RosterEntry("G-01", "GENERAL_CLIENT"),
                        new RosterEntry("r_7", "RESIDENT")),
                csv("code,stratum\nK001,KEY_CLIENT\nG-01,GENERAL_CLIENT\nr_7,RESIDENT\n"));
    }

    @Test
    void acceptsCrlfABomSurroundingSpacesAndTrailingEmptyLines() {
        assertEquals(
                List.of(new RosterEntry("K001", "KEY_CLIENT"), new RosterEntry("K002", "RESIDENT")),
                csv("\uFEFF Code , STRATUM \r\n K001 , KEY_CLIENT\r\nK002,RESIDENT\r\n\r\n\r\n"));
        assertEquals(List.of(new RosterEntry("K001", "KEY_CLIENT")), csv("code,stratum\nK001,KEY_CLIENT"));
    }

    @Test
    void quotedFieldsMayHoldCommasAndEscapedQuotes() {
        Set<String> strata = Set.of("Key, \"priority\" clients");
        String text = "\"code\",\"stratum\"\n\"K001\",\"Key, \"\"priority\"\" clients\"\n";
        assertEquals(
                List.of(new RosterEntry("K001", "Key, \"priority\" clients")),
                RosterParser.parseCsv(text.getBytes(StandardCharsets.UTF_8), strata));
    }

    @ParameterizedTest(name = "{0},{1}")
    @CsvSource({"编号,层", "代码,类别", "编号,分层", "stratum,code"})
    void acceptsChineseHeaderAliasesAndAnyColumnOrder(String first, String second) {
        String row = first.equals("stratum") ? "KEY_CLIENT,K001" : "K001,KEY_CLIENT";
        assertEquals(List.of(new RosterEntry("K001", "KEY_CLIENT")), csv(first + "," + second + "\n" + row + "\n"));
    }

    // ------------------------------------------------------------ header

    @ParameterizedTest
    @ValueSource(
            strings = {
                "姓名",
                "手机号",
                "身份证号",
                "Phone Number",
                "id_number",
                "NAME",
                "Client-Name",
                "联系电话",
                "客户姓名",
                "e-mail",
                "WeChat",
                "tel",
                "地址",
                "证件号"
            })
    void refusesPersonalDataColumnsByName(String column) {
        List<RosterProblem> problems = problems(() -> csv("code,stratum," + column + "\nK001,KEY_CLIENT,x\n"));
        assertHas(problems, 1, column, "personal data is not accepted", "remove the column " + column);
    }

    @Test
    void refusesUnknownMissingAndDuplicateColumns() {
        assertHas(problems(() -> csv("code,stratum,notes\nK001,KEY_CLIENT,x\n")), 1, "notes", "unknown column notes");
        assertHas(problems(() -> csv("code\nK001\n")), 1, "stratum", "missing column stratum");
        assertHas(problems(() -> csv("stratum\nKEY_CLIENT\n")), 1, "code", "missing column code");
        assertHas(problems(() -> csv("code,stratum,编号\nK001,KEY_CLIENT,K001\n")), 1, "编号", "appears twice");
    }

    // ------------------------------------------------------------ rows

    @ParameterizedTest
    @ValueSource(strings = {"13800138000", "19912345678"})
    void refusesCodesThatLookLikePhoneNumbers(String code) {
        assertHas(problems(() -> csv("code,stratum\n" + code + ",KEY_CLIENT\n")), 2, "code", "phone number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"110101199003071234", "11010119900307123X", "11010119900307123x", "110101900307123"})
    void refusesCodesThatLookLikeIdCardNumbers(String code) {
        assertHas(problems(() -> csv("code,stratum\n" + code + ",KEY_CLIENT\n")), 2, "code", "ID card number");
    }

    @Test
    void acceptsNumericCodesOfOtherShapes() {
        assertEquals(
                3,
                csv("code,stratum\n12345,KEY_CLIENT\n23800138000,KEY_CLIENT\n1380013800,KEY_CLIENT\n")
                        .size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"张三", "K 001", "K001!", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456"})
    void refusesCodesOutsideTheAllowedShape(String code) {
        List<RosterProblem> problems = problems(() -> csv("code,stratum\n\"" + code + "\",KEY_CLIENT\n"));
        assertHas(problems, 2, "code", "code is not valid");
        assertTrue(problems.stream().noneMatch(p -> p.message().contains(code)), "the bad value is not echoed");
    }

    @Test
    void refusesAnUnknownStratumListingThePlansStrata() {
        assertHas(
                problems(() -> csv("编号,层\nK001,VIP\n")),
                2,
                "层",
                "unknown stratum VIP",
                "the plan's strata are: GENERAL_CLIENT, KEY_CLIENT, RESIDENT");
    }

    @Test
    void refusesADuplicateCodeNamingBothLines() {
        List<RosterProblem> problems =
                problems(() -> csv("code,stratum\nK001,KEY_CLIENT\nK002,KEY_CLIENT\nK001,RESIDENT\n"));
        assertEquals(1, problems.size());
        assertHas(problems, 4, "code", "duplicate code K001, first on line 2");
    }

    @Test
    void refusesARowWithTheWrongNumberOfFields() {
        assertHas(problems(() -> csv("code,stratum\nK001,KEY_CLIENT,extra\n")), 2, "row", "expected 2", "found 3");
        assertHas(problems(() -> csv("code,stratum\nK001\n")), 2, "row", "expected 2", "found 1");
    }

    @Test
    void refusesAnEmptyLineInTheMiddle() {
        assertHas(problems(() -> csv("code,stratum\nK001,KEY_CLIENT\n\nK002,KEY_CLIENT\n")), 3, "row", "empty line");
    }

    @Test
    void anUnterminatedQuoteIsReportedWhereItOpened() {
        List<RosterProblem> problems =
                problems(() -> csv("code,stratum\nK001,KEY_CLIENT\n\"K002,KEY_CLIENT\nK003,KEY_CLIENT\n"));
        assertEquals(1, problems.size(), problems::toString);
        assertHas(problems, 3, "code", "unterminated quoted field");
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsRefused() {
        assertHas(problems(() -> csv("code,stratum\nK001,KEY_CLIENT\nK0\"02,KEY_CLIENT\n")), 3, "code", "double quote");
        assertHas(problems(() -> csv("code,stratum\n\"K001\"x,KEY_CLIENT\n")), 2, "code", "after the closing");
    }

    @Test
    void refusesTextThatIsNotUtf8() {
        byte[] gbk = "编号,层\n张三,KEY\n".getBytes(Charset.forName("GBK"));
        List<RosterProblem> problems = problems(() -> RosterParser.parseCsv(gbk, STRATA));
        assertEquals(
                List.of(new RosterProblem(
                        1,
                        "file",
                        "the file is not UTF-8 text (first invalid byte on line 1); "
                                + "save it as UTF-8 (e.g. GBK files must be converted)")),
                problems);

        byte[] secondLine = "code,stratum\nK001,层\n".getBytes(Charset.forName("GBK"));
        assertHas(problems(() -> RosterParser.parseCsv(secondLine, STRATA)), 2, "file", "not UTF-8");
    }

    @Test
    void refusesAnEmptyRosterOrFile() {
        assertHas(problems(() -> csv("code,stratum\n\n")), 0, "file", "no entries");
        assertHas(problems(() -> csv("")), 0, "file", "empty");
    }

    @Test
    void reportsAllProblemsAtOnce() {
        List<RosterProblem> problems = problems(() -> csv(String.join(
                "\n",
                "code,stratum",
                "13800138000,KEY_CLIENT",
                "K002,VIP",
                "K003,RESIDENT",
                "K003,RESIDENT",
                "K005,RESIDENT,extra",
                "K006,KEY_CLIENT")));
        assertHas(problems, 2, "code", "phone number");
        assertHas(problems, 3, "stratum", "unknown stratum VIP");
        assertHas(problems, 5, "code", "first on line 4");
        assertHas(problems, 6, "row", "found 3");
        assertEquals(4, problems.size(), problems::toString);
    }

    @Test
    void capsTheProblemsAtOneHundred() {
        StringBuilder text = new StringBuilder("code,stratum\n");
        for (int i = 0; i < 150; i++) {
            text.append("K").append(i).append(",VIP\n");
        }
        assertEquals(100, problems(() -> csv(text.toString())).size());
    }

    // ------------------------------------------------------------ CSV reading (Jackson underneath)

    @Test
    void aQuotedFieldMaySpanLinesAndLaterLinesKeepTheirPhysicalNumbers() {
        Set<String> strata = Set.of("重点对象,\n第一类", "RESIDENT");
        String text = "code,stratum\r\n\"K001\",\"重点对象,\r\n第一类\"\r\nK002,VIP\r\nK003,RESIDENT\r\n";
        List<RosterProblem> problems =
                problems(() -> RosterParser.parseCsv(text.getBytes(StandardCharsets.UTF_8), strata));
        assertEquals(1, problems.size(), problems::toString);
        assertHas(problems, 4, "stratum", "unknown stratum VIP");
        byte[] good = text.replace("K002,VIP\r\n", "").getBytes(StandardCharsets.UTF_8);
        assertEquals(
                List.of(new RosterEntry("K001", "重点对象,\n第一类"), new RosterEntry("K003", "RESIDENT")),
                RosterParser.parseCsv(good, strata));
    }

    @Test
    void chineseTextWithABomQuotedHeaderAndIdeographicSpacesIsRead() {
        Set<String> strata = Set.of("重点服务对象", "一般服务对象");
        String text = "\uFEFF\"编号\",\"层\"\r\nK001,\u3000重点服务对象\u3000\r\n\"K002\" , \"一般服务对象\"\r\n";
        assertEquals(
                List.of(new RosterEntry("K001", "重点服务对象"), new RosterEntry("K002", "一般服务对象")),
                RosterParser.parseCsv(text.getBytes(StandardCharsets.UTF_8), strata));
    }

    @Test
    void bareCarriageReturnsEndLinesAsInOldExcelExports() {
        assertHas(
                problems(() -> csv("code,stratum\rK001,KEY_CLIENT\rK002,VIP\r")), 3, "stratum", "unknown stratum VIP");
    }

    @Test
    void anUnterminatedQuoteIsNamedByTheLineAndColumnWhereItOpened() {
        RosterRejected rejected = assertThrows(
                RosterRejected.class,
                () -> csv("code,stratum\nK001,KEY_CLIENT\nK002,RESIDENT\nK003,\"KEY_CLIENT\nK004,RESIDENT\n"));
        assertEquals(
                List.of(new RosterProblem(
                        4,
                        "stratum",
                        "unterminated quoted field: the double quote opened on this line is never closed")),
                rejected.problems());
        assertTrue(rejected.getMessage().contains("line 4, column stratum"), rejected::getMessage);
    }

    @Test
    void readingGoesOnAfterTextFollowingAClosingQuote() {
        List<RosterProblem> problems =
                problems(() -> csv("code,stratum\n\"K001\"x,KEY_CLIENT\nK002,VIP\nK003,\"RESIDENT\" y\n"
                        + "K004,KEY_CLIENT\nK004,RESIDENT"));
        assertHas(problems, 2, "code", "after the closing");
        assertHas(problems, 3, "stratum", "unknown stratum VIP");
        assertHas(problems, 4, "stratum", "after the closing");
        assertHas(problems, 6, "code", "duplicate code K004, first on line 5");
        assertEquals(4, problems.size(), problems::toString);
    }

    @Test
    void onlySpaceAndTabAreBlanksBesideAQuote() {
        assertHas(problems(() -> csv("code,stratum\n\u000B\"K001\",KEY_CLIENT\n")), 2, "code", "double quote inside");
        assertHas(problems(() -> csv("code,stratum\n\"K001\"\u0001,KEY_CLIENT\n")), 2, "code", "after the closing");
        assertHas(problems(() -> csv("code,stratum\nK001\u0001,KEY_CLIENT\n")), 2, "code", "code is not valid");
        assertEquals(
                List.of(new RosterEntry("K001", "KEY_CLIENT")), csv("code,stratum\n \t\"K001\"\t ,\tKEY_CLIENT \n"));
    }

    @Test
    void supplementaryCharactersPassThroughUnchanged() {
        String stratum = "\uD800\uDC00\uD83D\uDE00"; // U+10000 (low half U+DC00) and an emoji
        assertEquals(
                List.of(new RosterEntry("K001", stratum)),
                RosterParser.parseCsv(
                        ("code,stratum\nK001,\"" + stratum + "\"\n").getBytes(StandardCharsets.UTF_8),
                        Set.of(stratum)));
    }

    // ------------------------------------------------------------ JSON

    @Test
    void readsJsonInFileOrder() {
        assertEquals(
                List.of(new RosterEntry("K002", "KEY_CLIENT"), new RosterEntry("K001", "RESIDENT")),
                json("\uFEFF{\"entries\":[{\"code\":\"K002\",\"stratum\":\"KEY_CLIENT\"},"
                        + "{\"stratum\":\" RESIDENT \",\"code\":\"K001\"}]}"));
    }

    @Test
    void jsonRefusesUnknownAndPersonalProperties() {
        assertHas(
                problems(() -> json("{\"entries\":[{\"code\":\"K001\",\"stratum\":\"KEY_CLIENT\"}],\"v\":1}")),
                0,
                "v",
                "unknown property v");
        List<RosterProblem> problems = problems(() -> json("{\"entries\":["
                + "{\"code\":\"K001\",\"stratum\":\"KEY_CLIENT\"},"
                + "{\"code\":\"K002\",\"stratum\":\"KEY_CLIENT\",\"name\":\"张三\",\"note\":\"x\"}]}"));
        assertHas(problems, 2, "name", "personal data is not accepted", "remove the property name");
        assertHas(problems, 2, "note", "unknown property note");
    }

    @Test
    void jsonChecksCodesStrataAndDuplicates() {
        List<RosterProblem> problems = problems(() -> json("{\"entries\":["
                + "{\"code\":\"K001\",\"stratum\":\"KEY_CLIENT\"},"
                + "{\"code\":\"K001\",\"stratum\":\"RESIDENT\"},"
                + "{\"code\":\"13800138000\",\"stratum\":\"VIP\"},"
                + "{\"code\":1001,\"stratum\":\"RESIDENT\"},"
                + "{\"stratum\":\"RESIDENT\"}]}"));
        assertHas(problems, 2, "code", "duplicate code K001, first on line 1");
        assertHas(problems, 3, "code", "phone number");
        assertHas(problems, 3, "stratum", "unknown stratum VIP");
        assertHas(problems, 4, "code", "must be a string");
        assertHas(problems, 5, "code", "missing");
    }

    @Test
    void jsonRefusesMalformedTextWithItsPosition() {
        List<RosterProblem> problems = problems(() -> json("{\"entries\":[\n{\"code\":\"K001\",}\n]}"));
        assertEquals(1, problems.size());
        assertHas(problems, 0, "file", "not valid JSON", "line 2, column");

        assertHas(
                problems(() -> json("{\"entries\":[{\"code\":\"K001\",\"code\":\"K002\",\"stratum\":\"RESIDENT\"}]}")),
                0,
                "file",
                "Duplicate field 'code'");
        assertHas(problems(() -> json("{\"entries\":[]} {}")), 0, "file", "not valid JSON");
    }

    @Test
    void jsonRefusesTheWrongShape() {
        assertHas(problems(() -> json("{\"entries\":[]}")), 0, "file", "no entries");
        assertHas(problems(() -> json("[]")), 0, "file", "one object");
        assertHas(problems(() -> json("{}")), 0, "entries", "missing property entries");
        assertHas(problems(() -> json("")), 0, "file", "empty");
        assertHas(problems(() -> json("{\"entries\":[\"K001\"]}")), 1, "entry", "must be an object");
    }
}
