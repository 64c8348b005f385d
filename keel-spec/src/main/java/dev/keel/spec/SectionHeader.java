package dev.keel.spec;

import java.util.List;

/**
 * The parsed arguments of a section header line such as {@code %files -f foo.lang devel} or
 * {@code %triggerin -n pkg -- other}.
 *
 * @param keyword the section keyword as written (original case), or {@code ""} for the preamble
 * @param arguments the raw text after the keyword, trimmed
 * @param pkg the package the section belongs to
 * @param fileLists {@code -f} file-list arguments, in order
 * @param interpreter the {@code -p} argument, or {@code null}
 * @param language the {@code -l} argument, or {@code null}
 * @param priority the {@code -P} argument, or {@code null}
 * @param flags other single-letter options such as {@code -e} or {@code -q}
 * @param triggerCondition text after {@code --}, or {@code null}
 */
public record SectionHeader(
        String keyword,
        String arguments,
        PackageRef pkg,
        List<String> fileLists,
        String interpreter,
        String language,
        String priority,
        List<String> flags,
        String triggerCondition) {

    static final SectionHeader PREAMBLE =
            new SectionHeader("", "", PackageRef.MAIN, List.of(), null, null, null, List.of(), null);

    public SectionHeader {
        fileLists = List.copyOf(fileLists);
        flags = List.copyOf(flags);
    }
}
