package io.jixiao.sampling;

/**
 * One thing wrong with an uploaded roster, precise enough for a person to fix the file.
 *
 * @param line    1-based line of a CSV file, or 1-based entry index of a JSON file; 0 when not tied to one
 * @param column  the column (or JSON property) name as written in the file, or "code", "stratum",
 *                "header", "row", "file"
 * @param message what is wrong and, where possible, how to fix it
 */
public record RosterProblem(int line, String column, String message) {}
