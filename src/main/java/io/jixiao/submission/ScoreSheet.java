package io.jixiao.submission;

import java.util.List;

/** The item scores a party sends: every item of its sub-tree once. Scores are exact decimal text. */
public record ScoreSheet(List<Line> lines, String comment) {

    public record Line(String item, String score, String comment) {}
}
