package io.jixiao.sampling;

import java.util.ArrayList;
import java.util.List;

/**
 * The problems found in one roster upload, each with its line and column, collected so that all of them are
 * reported at once, up to {@value #MAX}: a file with more than that needs fixing wholesale anyway.
 */
final class RosterProblems {

    static final int MAX = 100;

    private final List<RosterProblem> list = new ArrayList<>();

    void add(int line, String column, String message) {
        if (list.size() < MAX) {
            list.add(new RosterProblem(line, column, message));
        }
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    /** Refuses the roster with the problems found so far. */
    RosterParser.RosterRejected rejection() {
        return new RosterParser.RosterRejected(list);
    }
}
