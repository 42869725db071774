package io.jixiao.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jixiao.sampling.SampleDraw.Draw;
import io.jixiao.sampling.SampleDraw.Stratum;
import io.jixiao.sampling.SampleDraw.StratumDraw;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SampleDrawTest {

    private static List<RosterEntry> codes(String prefix, String stratum, int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> new RosterEntry(String.format("%s%03d", prefix, i), stratum))
                .toList();
    }

    private static List<RosterEntry> roster() {
        return Stream.of(codes("K", "KEY_CLIENT", 40), codes("G", "GENERAL_CLIENT", 60), codes("R", "RESIDENT", 12))
                .flatMap(List::stream)
                .toList();
    }

    private static final List<Stratum> PLAN = List.of(
            new Stratum("KEY_CLIENT", 10, 3), new Stratum("GENERAL_CLIENT", 20, 5), new Stratum("RESIDENT", 15, 5));

    @Test
    void sameRosterAndSeedGiveTheSameDrawWhateverTheRosterOrder() {
        Draw first = SampleDraw.draw(roster(), PLAN, "seed-1");
        assertEquals(first, SampleDraw.draw(roster(), PLAN, "seed-1"));

        List<RosterEntry> shuffled = new ArrayList<>(roster());
        Collections.shuffle(shuffled, new Random(42));
        assertEquals(first, SampleDraw.draw(shuffled, PLAN, "seed-1"));
        assertEquals(
                List.of("KEY_CLIENT", "GENERAL_CLIENT", "RESIDENT"),
                first.strata().stream().map(StratumDraw::stratum).toList(),
                "strata come in plan order");
    }

    @Test
    void anotherSeedGivesAnotherSelection() {
        List<RosterEntry> big = codes("C", "GENERAL_CLIENT", 200);
        List<Stratum> plan = List.of(new Stratum("GENERAL_CLIENT", 30, 0));
        assertNotEquals(
                SampleDraw.draw(big, plan, "seed-a").strata().get(0).selected(),
                SampleDraw.draw(big, plan, "seed-b").strata().get(0).selected());
    }

    @Test
    void aSmallStratumIsTakenWholeAndTheShortfallReported() {
        StratumDraw draw = SampleDraw.draw(codes("R", "RESIDENT", 10), List.of(new Stratum("RESIDENT", 30, 5)), "s")
                .strata()
                .get(0);
        assertEquals(10, draw.available());
        assertEquals(10, draw.selected().size());
        assertEquals(
                Set.copyOf(codes("R", "RESIDENT", 10).stream()
                        .map(RosterEntry::code)
                        .toList()),
                Set.copyOf(draw.selected()));
        assertEquals(List.of(), draw.reserves());
        assertEquals(20, draw.shortfall());
    }

    @Test
    void reservesFollowTheSelectedWithoutOverlap() {
        StratumDraw draw = SampleDraw.draw(roster(), PLAN, "seed-r").strata().get(1);
        assertEquals(20, draw.selected().size());
        assertEquals(5, draw.reserves().size());
        assertEquals(0, draw.shortfall());
        Set<String> all = new HashSet<>(draw.selected());
        all.addAll(draw.reserves());
        assertEquals(25, all.size(), "no code is both selected and a reserve");

        // Fewer codes than quota + reserves: the reserves shrink, the selection does not.
        StratumDraw tight = SampleDraw.draw(codes("K", "KEY_CLIENT", 7), List.of(new Stratum("KEY_CLIENT", 5, 5)), "s")
                .strata()
                .get(0);
        assertEquals(5, tight.selected().size());
        assertEquals(2, tight.reserves().size());
        assertEquals(0, tight.shortfall());
    }

    @Test
    void theDrawFollowsTheDocumentedAlgorithm() throws Exception {
        String seed = "2022-wenchong";
        List<RosterEntry> roster = codes("K", "KEY_CLIENT", 5);
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        List<String> byKey = roster.stream()
                .map(RosterEntry::code)
                .sorted(Comparator.comparing((String code) -> HexFormat.of()
                        .formatHex(sha256.digest(
                                (seed + "\n" + "KEY_CLIENT" + "\n" + code).getBytes(StandardCharsets.UTF_8)))))
                .toList();

        StratumDraw draw = SampleDraw.draw(roster, List.of(new Stratum("KEY_CLIENT", 3, 2)), seed)
                .strata()
                .get(0);
        assertEquals(byKey.subList(0, 3), draw.selected());
        assertEquals(byKey.subList(3, 5), draw.reserves());
        // Computed independently with the shell recipe in the javadoc (printf ... | sha256sum; LC_ALL=C sort).
        assertEquals(List.of("K002", "K005", "K004", "K003", "K001"), byKey);
    }

    @Test
    void theRosterDigestIgnoresOrderButNotContent() {
        List<RosterEntry> roster = roster();
        List<RosterEntry> reversed = new ArrayList<>(roster);
        Collections.reverse(reversed);
        assertEquals(SampleDraw.rosterDigest(roster), SampleDraw.rosterDigest(reversed));

        List<RosterEntry> moved = new ArrayList<>(roster);
        moved.set(0, new RosterEntry(roster.get(0).code(), "RESIDENT"));
        assertNotEquals(SampleDraw.rosterDigest(roster), SampleDraw.rosterDigest(moved));

        // printf 'K001,KEY_CLIENT\nK002,GENERAL_CLIENT\n' | sha256sum
        assertEquals(
                "f0ab4ca4d5339a53ec3f7da04facbcd364fc4599f0e389d663b04d54409fb5c9",
                SampleDraw.rosterDigest(
                        List.of(new RosterEntry("K002", "GENERAL_CLIENT"), new RosterEntry("K001", "KEY_CLIENT"))));
        assertEquals(
                SampleDraw.rosterDigest(roster),
                SampleDraw.draw(roster, PLAN, "s").rosterDigest());
    }

    @Test
    void seedsAre128RandomBitsInHex() {
        String seed = SampleDraw.newSeed();
        assertTrue(seed.matches("[0-9a-f]{32}"), seed);
        assertNotEquals(seed, SampleDraw.newSeed());
    }

    @Test
    void anAmbiguousPlanOrRosterIsRefused() {
        List<RosterEntry> roster = roster();
        assertThrows(
                IllegalArgumentException.class,
                () -> SampleDraw.draw(
                        roster, List.of(new Stratum("RESIDENT", 1, 0), new Stratum("RESIDENT", 2, 0)), "s"));
        assertThrows(
                IllegalArgumentException.class,
                () -> SampleDraw.draw(roster, List.of(new Stratum("RESIDENT", -1, 0)), "s"));
        assertThrows(IllegalArgumentException.class, () -> SampleDraw.draw(roster, PLAN, "two\nlines"));
        assertThrows(IllegalArgumentException.class, () -> SampleDraw.draw(roster, PLAN, ""));
        assertThrows(
                IllegalArgumentException.class,
                () -> SampleDraw.draw(
                        List.of(new RosterEntry("K001", "KEY_CLIENT"), new RosterEntry("K001", "RESIDENT")),
                        PLAN,
                        "s"));
    }
}
