package dev.keel.build.koji;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The build side of a Koji hub, on {@link KojiHubDouble}: one target ({@code kx1-candidate}, build
 * tag {@code kx1-build}, destination tag {@code kx1}), uploads checked chunk by chunk and whole as
 * the hub checks them, {@code build} tasks that run for a few looks and then close (tagging the
 * build, which moves the tag event on) or fail (with a buildArch child and its build.log), and a
 * build-tag repository that is regenerated a few looks after the last tagging. It records each
 * {@code build} call with what the build tag's repository held then, so a test can check the order.
 */
public final class KojiBuildHub {

    /** A {@code build} call: the package, and the NVRs the current repository held when it came. */
    public record BuildCall(String name, String source, boolean scratch, Set<String> repositoryHeld, int taskId) {}

    private int looksToFinish = 2;
    private byte[] buildLog = ("Executing(%build)\n+ make\nmake: *** [all] Error 1\n"
                    + "error: Bad exit status from /var/tmp/rpm-tmp.x (%build)\n")
            .getBytes(StandardCharsets.UTF_8);
    private static final int LOOKS_TO_REGENERATE = 2;

    private final Map<String, ByteArrayOutputStream> uploads = new TreeMap<>();
    private final Map<String, String> uploadedNvr = new TreeMap<>();
    private final Map<String, String> scmNvrs = new TreeMap<>();
    private final Map<String, String> builtAs = new TreeMap<>();
    private final Map<Integer, Task> tasks = new TreeMap<>();
    private final Map<String, Integer> taggedAt = new LinkedHashMap<>();
    private final List<BuildCall> builds = new ArrayList<>();
    private final Set<String> failing;
    private int event = 100;
    private int repoEvent = 100;
    private int looksSinceTag;
    private int nextTask = 5000;

    private static final class Task {
        final String nvr;
        final boolean scratch;
        int looks;
        int state = 0;

        Task(String nvr, boolean scratch) {
            this.nvr = nvr;
            this.scratch = scratch;
        }
    }

    public KojiBuildHub(KojiHubDouble hub, Set<String> failing, Map<String, String> alreadyTagged) {
        this.failing = failing;
        alreadyTagged.values().forEach(nvr -> taggedAt.put(nvr, event));
        hub.define(
                "getBuildTarget",
                params -> params.get(0).equals("kx1-candidate")
                        ? Map.of("name", "kx1-candidate", "build_tag_name", "kx1-build", "dest_tag_name", "kx1")
                        : null);
        hub.define("getBuild", params -> {
            String nvr = (String) params.get(0);
            return taggedAt.containsKey(nvr) ? Map.of("nvr", nvr, "state", 1L) : null;
        });
        hub.define("listTagged", this::listTagged);
        hub.define("uploadFile", this::uploadFile);
        hub.define("build", this::build);
        hub.define("getTaskInfo", this::taskInfo);
        hub.define("listBuilds", params -> {
            Map<?, ?> kwargs = (Map<?, ?>) params.get(params.size() - 1);
            Task task = tasks.get(((Number) kwargs.get("taskID")).intValue());
            return task == null || task.scratch || task.state != 2
                    ? List.of()
                    : List.of(Map.of("nvr", task.nvr, "state", 1L, "task_id", kwargs.get("taskID")));
        });
        hub.define("getTaskResult", params -> {
            Task task = tasks.get(((Number) params.get(0)).intValue());
            if (task.state == 5) {
                throw new KojiHubDouble.Fault(1005, "error building package (arch x86_64), mock exited with status 1");
            }
            return Map.of();
        });
        hub.define("getTaskChildren", params -> {
            int id = ((Number) params.get(0)).intValue();
            return List.of(Map.of(
                    "id", (long) id + 1, "state", (long) tasks.get(id).state, "method", "buildArch", "arch", "x86_64"));
        });
        hub.define("listTaskOutput", params -> {
            Map<?, ?> kwargs = params.get(params.size() - 1) instanceof Map<?, ?> map ? map : Map.of();
            // Koji gives st_size as a string: XML-RPC integers are 32-bit
            return Boolean.TRUE.equals(kwargs.get("stat"))
                    ? Map.of(
                            "build.log",
                            Map.of("st_size", String.valueOf(buildLog.length)),
                            "root.log",
                            Map.of("st_size", "0"))
                    : List.of("build.log", "root.log");
        });
        hub.define("downloadTaskOutput", params -> {
            Map<?, ?> kwargs = (Map<?, ?>) params.get(params.size() - 1);
            int offset = ((Number) kwargs.get("offset")).intValue();
            int size = ((Number) kwargs.get("size")).intValue();
            int end = size < 0 ? buildLog.length : Math.min(buildLog.length, offset + size);
            return Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(buildLog, offset, end));
        });
        hub.define("getRepo", params -> {
            looksSinceTag++;
            if (looksSinceTag >= LOOKS_TO_REGENERATE) {
                repoEvent = event;
            }
            return Map.of("id", (long) repoEvent, "create_event", (long) repoEvent, "state", 1L);
        });
    }

    /** What a checkout of {@code path} from an SCM URL builds (the double checks nothing out). */
    public void scm(String path, String nvr) {
        scmNvrs.put(path, nvr);
    }

    /** The hub builds {@code nvr} for this package whatever the source says (its macros differ). */
    public void builtAs(String name, String nvr) {
        builtAs.put(name, nvr);
    }

    /** The build.log a failed task's child has. */
    public void buildLog(byte[] log) {
        buildLog = log.clone();
    }

    /** How many looks ({@code getTaskInfo}) a task takes to end. */
    public void taskLooks(int looks) {
        looksToFinish = looks;
    }

    public List<BuildCall> builds() {
        return List.copyOf(builds);
    }

    /** The NVRs the destination tag holds. */
    public Set<String> tagged() {
        return Set.copyOf(taggedAt.keySet());
    }

    private Object listTagged(List<Object> params) {
        Map<?, ?> kwargs = (Map<?, ?>) params.get(params.size() - 1);
        String name = (String) kwargs.get("package");
        long at = kwargs.containsKey("event") ? ((Number) kwargs.get("event")).longValue() : Long.MAX_VALUE;
        List<Object> result = new ArrayList<>();
        taggedAt.forEach((nvr, taggedEvent) -> {
            if (taggedEvent <= at
                    && (name == null || KojiBuilder.packageName(nvr).equals(name))) {
                result.add(Map.of("nvr", nvr, "package_name", name == null ? nvr : name));
            }
        });
        return result;
    }

    private Object uploadFile(List<Object> params) throws KojiHubDouble.Fault {
        String key = params.get(0) + "/" + params.get(1);
        long size = ((Number) params.get(2)).longValue();
        List<?> checksum = (List<?>) params.get(3);
        long offset = ((Number) params.get(4)).longValue();
        byte[] data = Base64.getDecoder().decode((String) params.get(5));
        ByteArrayOutputStream file = uploads.computeIfAbsent(key, k -> new ByteArrayOutputStream());
        if (offset == -1) {
            byte[] whole = file.toByteArray();
            if (whole.length != size || !sha256(whole).equals(checksum.get(1))) {
                throw new KojiHubDouble.Fault(1000, "upload of " + key + " does not match its size or digest");
            }
            return true;
        }
        if (offset != file.size() || data.length != size || !sha256(data).equals(checksum.get(1))) {
            throw new KojiHubDouble.Fault(1000, "bad chunk of " + key + " at " + offset);
        }
        file.writeBytes(data);
        String name = (String) params.get(1);
        uploadedNvr.put(key, name.endsWith(".src.rpm") ? name.substring(0, name.length() - ".src.rpm".length()) : name);
        return true;
    }

    private Object build(List<Object> params) throws KojiHubDouble.Fault {
        String source = (String) params.get(0);
        Map<?, ?> opts = (Map<?, ?>) params.get(2);
        String nvr = source.startsWith("git+")
                ? scmNvrs.get(source.substring(source.indexOf('?') + 1, source.indexOf('#')))
                : uploadedNvr.get(source);
        if (nvr == null) {
            throw new KojiHubDouble.Fault(1000, "no such upload: " + source);
        }
        nvr = builtAs.getOrDefault(KojiBuilder.packageName(nvr), nvr);
        boolean scratch = Boolean.TRUE.equals(opts.get("scratch"));
        int id = nextTask;
        nextTask += 10;
        tasks.put(id, new Task(nvr, scratch));
        Set<String> held = new java.util.TreeSet<>();
        taggedAt.forEach((tagged, at) -> {
            if (at <= repoEvent) {
                held.add(tagged);
            }
        });
        builds.add(new BuildCall(KojiBuilder.packageName(nvr), source, scratch, held, id));
        return (long) id;
    }

    private Object taskInfo(List<Object> params) {
        Task task = tasks.get(((Number) params.get(0)).intValue());
        if (task == null) {
            return null;
        }
        if (task.state < 2 && ++task.looks >= looksToFinish) {
            if (failing.contains(KojiBuilder.packageName(task.nvr))) {
                task.state = 5;
            } else {
                task.state = 2;
                if (!task.scratch) {
                    taggedAt.put(task.nvr, ++event);
                    looksSinceTag = 0;
                }
            }
        } else if (task.state == 0) {
            task.state = 1;
        }
        return Map.of("id", params.get(0), "state", (long) task.state, "method", "build");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
