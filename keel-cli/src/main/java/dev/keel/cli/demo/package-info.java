/**
 * The example distro embedded in Keel for {@code keel demo}: its project and the upstream it is
 * built from, generated locally (dist-git repositories, lookaside store, runtime repository). Uses
 * keel-core and keel-build's tool package, never the commands.
 */
package dev.keel.cli.demo;
