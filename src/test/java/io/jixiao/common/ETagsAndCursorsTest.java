package io.jixiao.common;

import io.jixiao.common.error.InvalidInput;
import io.jixiao.common.error.PreconditionFailed;
import io.jixiao.common.error.PreconditionRequired;
import io.jixiao.common.error.Versions;
import io.jixiao.common.http.ETags;
import io.jixiao.common.paging.Cursors;
import io.jixiao.common.paging.Page;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ETagsAndCursorsTest {

    @Test
    void ifMatchNamesAVersion() {
        assertEquals(3L, ETags.expectedVersion("\"3\""));
        assertEquals(3L, ETags.expectedVersion("W/\"3\""));
        assertEquals(12L, ETags.expectedVersion("12"));
        assertNull(ETags.expectedVersion(null));
        assertNull(ETags.expectedVersion(" "));
        assertThrows(PreconditionFailed.class, () -> ETags.expectedVersion("*"));
        assertThrows(PreconditionFailed.class, () -> ETags.expectedVersion("\"abc\""));
        assertEquals("\"7\"", ETags.of(7));
    }

    @Test
    void writesNeedTheCurrentVersion() {
        assertThrows(PreconditionRequired.class, () -> Versions.requireCurrent(null, 0, "project"));
        assertThrows(PreconditionFailed.class, () -> Versions.requireCurrent(1L, 2, "project"));
        assertDoesNotThrow(() -> Versions.requireCurrent(2L, 2, "project"));
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
