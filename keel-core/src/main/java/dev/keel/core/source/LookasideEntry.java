package dev.keel.core.source;

/**
 * One file of a {@code sources} manifest: its hash algorithm ({@code SHA512}, {@code SHA256} or
 * {@code MD5}), file name and expected hash (lower-case hex).
 */
public record LookasideEntry(String hashType, String filename, String hash) {}
