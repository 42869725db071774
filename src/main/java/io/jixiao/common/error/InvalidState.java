package io.jixiao.common.error;

/** The object is not in a state that allows this (409). */
public class InvalidState extends DomainException {
    public InvalidState(String message) {
        super(message);
    }
}
