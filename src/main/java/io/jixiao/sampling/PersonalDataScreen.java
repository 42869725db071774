package io.jixiao.sampling;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keeps personal data out of rosters, which hold pseudonymous codes only: a column or property named like a name,
 * phone, ID, address or contact, and a code shaped like a mainland mobile or ID-card number, are refused rather
 * than silently dropped, so the uploader learns to keep them out of the file. The messages never echo the value.
 */
final class PersonalDataScreen {

    private static final Pattern MOBILE = Pattern.compile("1\\d{10}");
    private static final Pattern ID_CARD = Pattern.compile("\\d{15}|\\d{17}[\\dXx]");

    /** Personal-data names, compared after lower-casing and removing spaces, '_' and '-'. */
    private static final Set<String> PERSONAL_EXACT = Set.of(
            "name",
            "fullname",
            "firstname",
            "lastname",
            "姓名",
            "名字",
            "phone",
            "mobile",
            "tel",
            "telephone",
            "电话",
            "手机",
            "手机号",
            "联系电话",
            "idnumber",
            "idcard",
            "idno",
            "nationalid",
            "身份证",
            "身份证号",
            "证件号",
            "address",
            "地址",
            "住址",
            "email",
            "邮箱",
            "wechat",
            "微信");
    /**
     * Fragments that mark personal data anywhere in a name ("Phone Number", 客户姓名, 联系电话1).
     * A false alarm only costs renaming a column that would be rejected as unknown anyway; a miss leaks data.
     * Short ambiguous words (tel, idno) are matched exactly only, so "hotel" does not trip them.
     */
    private static final List<String> PERSONAL_FRAGMENTS = List.of(
            "name",
            "phone",
            "mobile",
            "idcard",
            "idnumber",
            "nationalid",
            "address",
            "email",
            "wechat",
            "姓名",
            "名字",
            "电话",
            "手机",
            "身份证",
            "证件",
            "地址",
            "住址",
            "邮箱",
            "微信");

    private PersonalDataScreen() {}

    /** Whether a column or property of this name would carry personal data. */
    static boolean looksPersonal(String name) {
        String normalized = name.toLowerCase(Locale.ROOT).replaceAll("[\\s\\u3000_\\-]", "");
        return PERSONAL_EXACT.contains(normalized)
                || PERSONAL_FRAGMENTS.stream().anyMatch(normalized::contains);
    }

    /** The refusal of a personal-data column ({@code kind} "column") or JSON property ("property"). */
    static String refusal(String kind, String name) {
        return "personal data is not accepted: remove the " + kind + " " + name
                + "; the roster holds pseudonymous codes only";
    }

    /** Why a well-formed code is refused as a likely phone or ID-card number, if it is. */
    static Optional<String> lookalike(String code) {
        if (MOBILE.matcher(code).matches()) {
            return Optional.of("code looks like a phone number; use a pseudonymous code instead");
        }
        if (ID_CARD.matcher(code).matches()) {
            return Optional.of("code looks like an ID card number; use a pseudonymous code instead");
        }
        return Optional.empty();
    }
}
