package io.jixiao.appeal;

/** What a ground of an appeal contests: an item of the framework, a party's score, a finding. */
public enum AppealTarget {
    ITEM,
    PARTY,
    FINDING
}
