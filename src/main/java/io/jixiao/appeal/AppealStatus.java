package io.jixiao.appeal;

/** OPEN until the bureau rules; UPHELD (申诉成立, the evaluation was reopened) or REJECTED (驳回). */
public enum AppealStatus {
    OPEN,
    UPHELD,
    REJECTED
}
