package org.huntindex.bench.reference;

/** One sequence of hunt B: the join key and the two events, start then network. */
public record EqlSequence(String joinKey, EcsEvent start, EcsEvent network) {}
