package io.jixiao.sampling;

/** One roster line: a pseudonymous client code and the stratum it is drawn from. */
public record RosterEntry(String code, String stratum) {}
