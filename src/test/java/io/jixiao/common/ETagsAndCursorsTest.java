package io.jixiao.common;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jixiao.common.error.InvalidInput;
import io.jixiao.common.error.PreconditionFailed;
import io.jixiao.common.error.PreconditionRequired;
import io.jixiao.common.error.Versions;
import io.jixiao.common.http.ETags;
import io.jixiao.common.paging.Cursors;
import io.jixiao.common.paging.Page;
import java.util.List;
import org.junit.jupiter.api.Test;

class ETagsAndCursorsTest {

    @Test
    void ifMatchFollowsRfc9110StrongComparisonStarAndLists() {
        assertTrue(ETags.expectedVersion("\"3\"").matches(3));
        assertFalse(ETags.expectedVersion("\"3\"").matches(4));
        assertFalse(ETags.expectedVersion("W/\"3\"").matches(3), "a weak tag never matches");
        assertFalse(ETags.expectedVersion("12").matches(12), "an unquoted tag is not an entity tag");
        assertTrue(ETags.expectedVersion("*").matches(0));
        assertTrue(ETags.expectedVersion("*").matches(41));
        assertTrue(ETags.expectedVersion("\"1\", \"5\" ,W/\"7\"").matches(5), "a list matches when any member does");
        assertFalse(ETags.expectedVersion("\"1\", \"5\" ,W/\"7\"").matches(7));
        assertFalse(ETags.expectedVersion("\"abc\"").matches(0));
        assertNull(ETags.expectedVersion(null));
        assertNull(ETags.expectedVersion(" "));
        assertEquals("\"7\"", ETags.of(7));
    }

    @Test
    void writesNeedTheCurrentVersion() {
        assertThrows(PreconditionRequired.class, () -> Versions.requireCurrent(null, 0, "project"));
        assertThrows(
                PreconditionFailed.class, () -> Versions.requireCurrent(ETags.expectedVersion("\"1\""), 2, "project"));
        assertThrows(
                PreconditionFailed.class,
                () -> Versions.requireCurrent(ETags.expectedVersion("W/\"2\""), 2, "project"));
        assertDoesNotThrow(() -> Versions.requireCurrent(ETags.expectedVersion("\"2\""), 2, "project"));
        assertDoesNotThrow(() -> Versions.requireCurrent(ETags.expectedVersion("*"), 2, "project"));
    }

    @Test
    void cursorsRoundTripAndForgeriesAreRefused() {
        assertEquals("HP-WC", Cursors.decode(Cursors.encode("HP-WC")));
        assertEquals(42L, Cursors.decodeLong(Cursors.encode("42")));
        assertThrows(InvalidInput.class, () -> Cursors.decode("%%%"));
        assertThrows(InvalidInput.class, () -> Cursors.decode("aGVsbG8"));
        assertThrows(InvalidInput.class, () -> Cursors.decodeLong(Cursors.encode("HP-WC")));
    }

    @Test
    void pageKnowsFromTheExtraRowWhetherThereIsMore() {
        Page<Integer> last = Page.of(List.of(1, 2), 2, String::valueOf);
        assertNull(last.nextCursor());
        Page<Integer> more = Page.of(List.of(1, 2, 3), 2, String::valueOf);
        assertEquals(List.of(1, 2), more.items());
        assertEquals("2", Cursors.decode(more.nextCursor()));
    }
}
