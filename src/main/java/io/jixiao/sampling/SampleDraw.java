package io.jixiao.sampling;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The reproducible interview-sample draw. Anyone holding the roster, the plan and the seed can re-run it
 * with standard tools and must get the same sample; that is what makes the draw auditable.
 *
 * <h2>Algorithm</h2>
 * For each stratum of the plan, in plan order:
 * <ol>
 *   <li>Take the roster codes whose stratum equals the plan stratum's code (entries of strata not in the
 *       plan take no part).</li>
 *   <li>For each such code compute the key: the lowercase hex SHA-256 of the UTF-8 bytes of
 *       {@code seed + "\n" + stratum + "\n" + code} (no line end after the code). In a shell:
 *       <pre>printf '%s\n%s\n%s' "$SEED" "$STRATUM" "$CODE" | sha256sum</pre></li>
 *   <li>Sort the codes by key, ascending (as text; equal keys are practically impossible and would be
 *       ordered by code). In a shell: one line {@code "key code"} per code, then {@code LC_ALL=C sort}.</li>
 *   <li>The first {@code quota} codes are selected; the next {@code reserves} codes are the reserves, to be
 *       used in that order when a selected client cannot be interviewed.</li>
 *   <li>If the stratum has fewer codes than the quota, all of them are selected, there are no reserves and
 *       the difference is reported as the shortfall; the sample is never padded from other strata.</li>
 * </ol>
 * The result depends only on the set of roster entries, not on their order in the uploaded file.
 *
 * <h2>Roster digest</h2>
 * {@link #rosterDigest} identifies the roster the draw was made from: the lowercase hex SHA-256 of the lines
 * {@code code + "," + stratum + "\n"} of all entries sorted by code (ordinal order, which for the ASCII codes
 * {@link RosterParser} accepts equals {@code LC_ALL=C sort}).
 */
public final class SampleDraw {

    /** One stratum of the sampling plan: how many interviews, and how many reserves to draw behind them. */
    public record Stratum(String code, int quota, int reserves) {}

    /**
     * The draw of one stratum. {@code shortfall = max(0, quota - available)}.
     */
    public record StratumDraw(
            String stratum, int quota, int available, List<String> selected, List<String> reserves, int shortfall) {}

    /** A complete draw: the seed, the digest of the roster it was drawn from, and each stratum in plan order. */
    public record Draw(String seed, String rosterDigest, List<StratumDraw> strata) {}

    private static final HexFormat HEX = HexFormat.of();
    private static final SecureRandom RANDOM = new SecureRandom();

    private SampleDraw() {}

    public static Draw draw(List<RosterEntry> roster, List<Stratum> plan, String seed) {
        Objects.requireNonNull(roster, "roster");
        Objects.requireNonNull(plan, "plan");
        // The "\n" separators make the hashed text unambiguous only if no part contains a line end itself.
        requireSingleLine(seed, "seed");
        Set<String> planned = new HashSet<>();
        for (Stratum stratum : plan) {
            requireSingleLine(stratum.code(), "stratum code");
            if (stratum.quota() < 0 || stratum.reserves() < 0) {
                throw new IllegalArgumentException("quota and reserves must not be negative: " + stratum);
            }
            if (!planned.add(stratum.code())) {
                throw new IllegalArgumentException("stratum appears twice in the plan: " + stratum.code());
            }
        }

        // A code drawn twice would take two interview slots; RosterParser already refuses duplicates.
        Set<String> codes = new HashSet<>();
        for (RosterEntry entry : roster) {
            if (!codes.add(entry.code())) {
                throw new IllegalArgumentException("duplicate code in the roster: " + entry.code());
            }
        }

        List<StratumDraw> strata = new ArrayList<>();
        for (Stratum stratum : plan) {
            List<Map.Entry<String, String>> keyed = new ArrayList<>(); // key -> code
            for (RosterEntry entry : roster) {
                if (entry.stratum().equals(stratum.code())) {
                    keyed.add(Map.entry(sha256Hex(seed + "\n" + stratum.code() + "\n" + entry.code()), entry.code()));
                }
            }
            keyed.sort(Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue()));
            List<String> ordered = keyed.stream().map(Map.Entry::getValue).toList();

            int available = ordered.size();
            int selectedCount = Math.min(stratum.quota(), available);
            int reserveCount = Math.min(stratum.reserves(), available - selectedCount);
            strata.add(new StratumDraw(
                    stratum.code(),
                    stratum.quota(),
                    available,
                    List.copyOf(ordered.subList(0, selectedCount)),
                    List.copyOf(ordered.subList(selectedCount, selectedCount + reserveCount)),
                    Math.max(0, stratum.quota() - available)));
        }
        return new Draw(seed, rosterDigest(roster), List.copyOf(strata));
    }

    public static String rosterDigest(List<RosterEntry> roster) {
        StringBuilder lines = new StringBuilder();
        roster.stream()
                .sorted(Comparator.comparing(RosterEntry::code).thenComparing(RosterEntry::stratum))
                .forEach(e ->
                        lines.append(e.code()).append(',').append(e.stratum()).append('\n'));
        return sha256Hex(lines.toString());
    }

    /** A fresh seed: 128 random bits as 32 lowercase hex characters. */
    public static String newSeed() {
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        return HEX.formatHex(bits);
    }

    static String sha256Hex(String text) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    private static void requireSingleLine(String value, String what) {
        if (value == null || value.isEmpty() || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException(what + " must be a non-empty single line");
        }
    }
}
