package dev.keel.build.tool;

import java.time.Duration;

/**
 * How a run of an external program ended.
 *
 * @param exitCode the exit status, or -1 when it was killed for taking too long
 * @param timedOut whether it ran out of time
 * @param elapsed how long it ran
 * @param output what it wrote on stdout when the caller asked for it, else empty
 * @param logStart where in the log this run's part begins (a byte offset; 0 without a log)
 */
public record ToolResult(int exitCode, boolean timedOut, Duration elapsed, String output, long logStart) {

    public boolean succeeded() {
        return !timedOut && exitCode == 0;
    }
}
