package io.jixiao.project;

import java.time.LocalDate;

/** The fields of a project its purchaser sets; {@code status} is ACTIVE for a new project. */
public record ProjectDetails(
        String name,
        String station,
        String street,
        String supervisor,
        String provider,
        LocalDate contractStart,
        LocalDate contractEnd,
        int communities,
        int staffCount,
        ProjectStatus status) {}
