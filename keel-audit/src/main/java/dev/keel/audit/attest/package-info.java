/**
 * Provenance attestations ({@code keel attest}): for each component, an in-toto Statement v1 with
 * a SLSA Provenance v1 predicate whose subjects are the rendered files (and the built RPMs) and
 * whose dependencies are every input that made them, signed in a DSSE envelope with an Ed25519 or
 * ECDSA P-256 key; and their verification, which checks the signature and recomputes every digest
 * it can. Uses keel-core only (the project, locks, the render plan, the upstream sources); the
 * built files come from the caller.
 */
package dev.keel.audit.attest;
