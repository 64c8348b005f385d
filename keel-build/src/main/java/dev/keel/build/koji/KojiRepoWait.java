package dev.keel.build.koji;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Waits until a build tag's current repository holds given builds, as {@code koji wait-repo
 * --build} does: {@code getRepo(tag)}, then {@code listTagged(tag, event=<the repository's
 * create_event>, package=NAME)} must list each NVR. The wait is bounded even with a zero poll
 * interval (each look then counts as a second).
 */
final class KojiRepoWait {

    private final KojiSession session;
    private final Duration pollInterval;
    private final Duration timeout;
    private final KojiSession.Sleeper sleeper;

    KojiRepoWait(KojiSession session, Duration pollInterval, Duration timeout, KojiSession.Sleeper sleeper) {
        this.session = session;
        this.pollInterval = pollInterval;
        this.timeout = timeout;
        this.sleeper = sleeper;
    }

    /** Returns once the repository of {@code buildTag} holds every one of {@code nvrs}. */
    void until(String buildTag, List<String> nvrs) throws KojiException, InterruptedException {
        if (nvrs.isEmpty()) {
            return;
        }
        long waited = 0;
        while (true) {
            if (holds(buildTag, nvrs)) {
                return;
            }
            if (waited >= timeout.toMillis()) {
                throw KojiException.transport(
                        "the repository of " + buildTag + " does not hold " + String.join(", ", nvrs) + " after "
                                + timeout.toMinutes() + " min (--wait-repo-timeout)",
                        null);
            }
            sleeper.sleep(pollInterval);
            waited += Math.max(pollInterval.toMillis(), 1000);
        }
    }

    /** Whether the current repository of {@code buildTag} holds every one of {@code nvrs}, at one look. */
    boolean holds(String buildTag, List<String> nvrs) throws KojiException, InterruptedException {
        if (nvrs.isEmpty()) {
            return true;
        }
        Object repo = session.call("getRepo", buildTag);
        return repo instanceof Map<?, ?> map && holdsAll(buildTag, KojiTaskWatch.number(map.get("create_event")), nvrs);
    }

    private boolean holdsAll(String buildTag, long event, List<String> nvrs)
            throws KojiException, InterruptedException {
        for (String nvr : nvrs) {
            Object tagged = session.call(
                    "listTagged",
                    List.of(buildTag),
                    Map.of("event", event, "package", KojiBuilder.packageName(nvr), "inherit", true));
            if (!(tagged instanceof List<?> list
                    && list.stream().anyMatch(e -> e instanceof Map<?, ?> m && nvr.equals(m.get("nvr"))))) {
                return false;
            }
        }
        return true;
    }
}
