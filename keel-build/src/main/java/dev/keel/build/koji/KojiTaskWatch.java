package dev.keel.build.koji;

import dev.keel.build.koji.xmlrpc.MethodCall;
import dev.keel.build.koji.xmlrpc.MulticallResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Watches Koji build tasks until each ends, as {@code koji watch-task} does but for many tasks in
 * one {@code multiCall} a round ({@code getTaskInfo} and {@code getTaskChildren} of each open
 * task), with backoff: the wait between rounds doubles while nothing changes, up to {@link
 * #MAX_WAIT} or the poll interval if that is longer, and drops back to the poll interval when a
 * task changes. A failed task's error ({@code getTaskResult}) and the last lines of its failed
 * child's {@code build.log} ({@code listTaskOutput}, {@code downloadTaskOutput}) say why it failed.
 */
final class KojiTaskWatch {

    /** Koji's task states (koji.TASK_STATES: FREE 0, OPEN 1, CLOSED 2, CANCELED 3, ASSIGNED 4, FAILED 5). */
    static final long FREE = 0, OPEN = 1, CLOSED = 2, CANCELED = 3, ASSIGNED = 4, FAILED = 5;

    /** The longest wait between two rounds, unless the poll interval is longer. */
    static final Duration MAX_WAIT = Duration.ofMinutes(1);

    private static final int LOG_TAIL = 12;

    /** How much of a failed build's log is fetched: its end, where rpmbuild's error is. */
    static final long LOG_TAIL_BYTES = 64 * 1024;

    /** How a watched task ended: closed, or failed or canceled with why. */
    record Ended(long state, String why) {
        boolean closed() {
            return state == CLOSED;
        }
    }

    /** Told when a watched task moves on (its state or its running children), and when it ends. */
    interface Listener {
        void moved(String component, String state);

        void ended(String component, Ended how) throws java.io.IOException, KojiException, InterruptedException;
    }

    private final KojiSession session;
    private final Duration pollInterval;
    private final KojiSession.Sleeper sleeper;

    KojiTaskWatch(KojiSession session, Duration pollInterval, KojiSession.Sleeper sleeper) {
        this.session = session;
        this.pollInterval = pollInterval;
        this.sleeper = sleeper;
    }

    /** The task state of {@code taskId}, or {@code FAILED} when the hub has no such task. */
    long state(long taskId) throws KojiException, InterruptedException {
        return state(session.call("getTaskInfo", taskId), taskId);
    }

    /**
     * One look at the tasks, without waiting: calls the listener for each that moved or ended, and
     * gives those still open ({@code koji build --nowait} then returns).
     */
    Map<String, Long> poll(Map<String, Long> tasks, Listener listener)
            throws java.io.IOException, KojiException, InterruptedException {
        Map<String, Long> open = new LinkedHashMap<>(tasks);
        round(open, new LinkedHashMap<>(), listener);
        return open;
    }

    /** Watches the tasks (by component) until all ended. */
    void watch(Map<String, Long> tasks, Listener listener)
            throws java.io.IOException, KojiException, InterruptedException {
        Map<String, Long> open = new LinkedHashMap<>(tasks);
        Map<String, String> seen = new LinkedHashMap<>();
        Duration wait = pollInterval;
        while (!open.isEmpty()) {
            boolean moved = round(open, seen, listener);
            if (open.isEmpty()) {
                return;
            }
            wait = moved ? pollInterval : longer(wait);
            sleeper.sleep(wait);
        }
    }

    /** One multiCall over the open tasks: removes those that ended; whether any task moved. */
    private boolean round(Map<String, Long> open, Map<String, String> seen, Listener listener)
            throws java.io.IOException, KojiException, InterruptedException {
        List<String> components = List.copyOf(open.keySet());
        List<MethodCall> calls = new ArrayList<>();
        for (String component : components) {
            calls.add(new MethodCall("getTaskInfo", List.of(open.get(component))));
            calls.add(new MethodCall("getTaskChildren", List.of(open.get(component))));
        }
        List<MulticallResult> answers = session.multiCall(calls);
        boolean moved = false;
        for (int i = 0; i < components.size(); i++) {
            String component = components.get(i);
            long taskId = open.get(component);
            long state = state(value(answers.get(2 * i), "getTaskInfo", taskId), taskId);
            if (state == CLOSED || state == FAILED || state == CANCELED) {
                open.remove(component);
                moved = true;
                listener.ended(component, new Ended(state, state == CLOSED ? "" : failure(taskId, state)));
                continue;
            }
            String now = describe(state, value(answers.get(2 * i + 1), "getTaskChildren", taskId));
            if (!now.equals(seen.put(component, now))) {
                moved = true;
                listener.moved(component, now);
            }
        }
        return moved;
    }

    private Duration longer(Duration wait) {
        Duration cap = pollInterval.compareTo(MAX_WAIT) > 0 ? pollInterval : MAX_WAIT;
        Duration doubled = wait.multipliedBy(2);
        return doubled.compareTo(cap) > 0 ? cap : doubled;
    }

    private static Object value(MulticallResult answer, String method, long taskId) throws KojiException {
        if (answer.failed()) {
            throw KojiException.fault(
                    method + "(" + taskId + ")",
                    answer.fault().code(),
                    answer.fault().faultString());
        }
        return answer.value();
    }

    /** {@code open: buildArch x86_64, buildArch aarch64} from the task's state and running children. */
    private static String describe(long state, Object children) {
        String name = state == FREE ? "waiting" : state == ASSIGNED ? "assigned" : "open";
        List<String> running = new ArrayList<>();
        if (children instanceof List<?> list) {
            for (Object child : list) {
                if (child instanceof Map<?, ?> map && number(map.get("state")) == OPEN) {
                    Object arch = map.get("arch");
                    running.add(map.get("method") + (arch == null || "noarch".equals(arch) ? "" : " " + arch));
                }
            }
        }
        return running.isEmpty() ? name : name + ": " + String.join(", ", running);
    }

    /** Why a task failed: its error, and the last lines of the failed child's build log. */
    private String failure(long taskId, long state) throws KojiException, InterruptedException {
        if (state == CANCELED) {
            return "task " + taskId + " was canceled";
        }
        StringBuilder why = new StringBuilder();
        try {
            session.call("getTaskResult", taskId);
            why.append("task ").append(taskId).append(" failed");
        } catch (KojiException e) {
            why.append(e.getMessage());
        }
        try {
            if (session.call("getTaskChildren", taskId) instanceof List<?> children) {
                for (Object child : children) {
                    if (child instanceof Map<?, ?> map && number(map.get("state")) == FAILED) {
                        appendLogTail(why, number(map.get("id")));
                        break;
                    }
                }
            }
        } catch (KojiException | IllegalArgumentException e) {
            why.append("\n  its build.log could not be read: ").append(e.getMessage());
        }
        return why.toString();
    }

    /** The last {@link #LOG_TAIL_BYTES} of the child's build.log ({@code listTaskOutput} with sizes). */
    private void appendLogTail(StringBuilder why, long childId) throws KojiException, InterruptedException {
        Object files = session.call("listTaskOutput", List.of(childId), Map.of("stat", true));
        if (!(files instanceof Map<?, ?> stats && stats.get("build.log") instanceof Map<?, ?> stat)) {
            return;
        }
        long size = size(stat.get("st_size"));
        long offset = Math.max(0, size - LOG_TAIL_BYTES);
        Object log =
                session.call("downloadTaskOutput", List.of(childId, "build.log"), Map.of("offset", offset, "size", (int)
                        Math.min(size, LOG_TAIL_BYTES)));
        List<String> lines = decodeLog(log).lines().toList();
        why.append("\n  build.log of task ").append(childId).append(", last lines:");
        lines.subList(Math.max(0, lines.size() - LOG_TAIL), lines.size())
                .forEach(line -> why.append("\n    ").append(line));
    }

    /** Koji gives {@code st_size} as a string (XML-RPC integers are 32-bit); a number is taken too. */
    private static long size(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        try {
            return Long.parseLong(String.valueOf(value));
        } catch (NumberFormatException e) {
            return LOG_TAIL_BYTES;
        }
    }

    /** downloadTaskOutput answers base64 text (Koji encodes it so any bytes pass XML-RPC). */
    private static String decodeLog(Object log) {
        byte[] bytes = log instanceof byte[] raw ? raw : Base64.getMimeDecoder().decode(String.valueOf(log));
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A task's state from {@code getTaskInfo}: one of Koji's six, or no task at all (failed). */
    private static long state(Object info, long taskId) throws KojiException {
        if (!(info instanceof Map<?, ?> map)) {
            return FAILED;
        }
        long state = number(map.get("state"));
        if (state < FREE || state > FAILED) {
            throw KojiException.transport(
                    "the hub gave task " + taskId + " the state '" + map.get("state")
                            + "', which is none of Koji's task states (0 to 5)",
                    null);
        }
        return state;
    }

    static long number(Object value) {
        return value instanceof Number n ? n.longValue() : -1;
    }
}
