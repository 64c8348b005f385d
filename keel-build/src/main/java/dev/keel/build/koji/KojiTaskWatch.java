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
        return state(session.call("getTaskInfo", taskId));
    }

    /** Watches the tasks (by component) until all ended. */
    void watch(Map<String, Long> tasks, Listener listener)
            throws java.io.IOException, KojiException, InterruptedException {
        Map<String, Long> open = new LinkedHashMap<>(tasks);
        Map<String, String> seen = new LinkedHashMap<>();
        Duration wait = pollInterval;
        while (!open.isEmpty()) {
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
                long state = state(value(answers.get(2 * i), "getTaskInfo", taskId));
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
            if (open.isEmpty()) {
                return;
            }
            wait = moved ? pollInterval : longer(wait);
            sleeper.sleep(wait);
        }
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
        if (session.call("getTaskChildren", taskId) instanceof List<?> children) {
            for (Object child : children) {
                if (child instanceof Map<?, ?> map && number(map.get("state")) == FAILED) {
                    appendLogTail(why, number(map.get("id")));
                    break;
                }
            }
        }
        return why.toString();
    }

    private void appendLogTail(StringBuilder why, long childId) throws KojiException, InterruptedException {
        Object files = session.call("listTaskOutput", childId);
        if (!(files instanceof List<?> names && names.contains("build.log"))) {
            return;
        }
        Object log = session.call("downloadTaskOutput", List.of(childId, "build.log"), Map.of("offset", 0, "size", -1));
        List<String> lines = decodeLog(log).lines().toList();
        why.append("\n  build.log of task ").append(childId).append(", last lines:");
        lines.subList(Math.max(0, lines.size() - LOG_TAIL), lines.size())
                .forEach(line -> why.append("\n    ").append(line));
    }

    /** downloadTaskOutput answers base64 text (Koji encodes it so any bytes pass XML-RPC). */
    private static String decodeLog(Object log) {
        byte[] bytes = log instanceof byte[] raw ? raw : Base64.getMimeDecoder().decode(String.valueOf(log));
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static long state(Object info) {
        return info instanceof Map<?, ?> map ? number(map.get("state")) : FAILED;
    }

    static long number(Object value) {
        return value instanceof Number n ? n.longValue() : -1;
    }
}
