package io.jixiao.project;

import java.time.LocalDate;
import java.util.UUID;

/** What other domains need to know of a project they work on. */
public record ProjectRef(
        UUID id,
        String purchaserCode,
        String supervisorCode,
        String providerCode,
        String district,
        LocalDate contractStart,
        LocalDate contractEnd) {

    /** Whether the fiscal year falls (at least partly) within the contract period. */
    public boolean covers(int fiscalYear) {
        return fiscalYear >= contractStart.getYear() && fiscalYear <= contractEnd.getYear();
    }
}
