package io.dendrite.core.nn;

/** Placeholder: being written. */
public final class Network {}
