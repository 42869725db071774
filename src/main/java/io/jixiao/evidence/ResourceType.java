package io.jixiao.evidence;

/** HUMAN 人力, MATERIAL 物资, FUNDS 资金. */
public enum ResourceType {
    HUMAN,
    MATERIAL,
    FUNDS
}
