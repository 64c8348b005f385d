package dev.keel.testing;

import java.util.HashSet;
import java.util.Set;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Prints every skipped test (an assumption that failed, such as "corpus not found at ../shared",
 * or a disabled test) with its reason on the console, one line per test class and reason, so a
 * build that skips tests says so and why, not only in surefire's reports. Registered through
 * {@code META-INF/services} for the tests of every module (keel-core and keel-cli use keel-spec's
 * test jar).
 */
public final class SkipReporter implements TestExecutionListener {

    private final Set<String> printed = new HashSet<>();

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        report(test, reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            String reason = result.getThrowable().map(Throwable::getMessage).orElse("aborted");
            report(test, reason.replaceFirst("^Assumption failed: ", ""));
        }
    }

    private synchronized void report(TestIdentifier test, String reason) {
        String where = where(test);
        if (printed.add(where + '\n' + reason)) {
            System.err.println("SKIPPED " + where + ": " + reason);
            System.err.flush();
        }
    }

    /** The test class (with the method for a single test), else the display name. */
    private static String where(TestIdentifier test) {
        TestSource source = test.getSource().orElse(null);
        if (source instanceof MethodSource method) {
            return simpleName(method.getClassName()) + "." + method.getMethodName();
        }
        if (source instanceof ClassSource type) {
            return simpleName(type.getClassName());
        }
        return test.getDisplayName();
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
