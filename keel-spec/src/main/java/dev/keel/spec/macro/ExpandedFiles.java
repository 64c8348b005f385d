package dev.keel.spec.macro;

import java.util.List;

/**
 * What a package's {@code %files} sections list after expansion, as far as it is knowable without
 * building: the paths of its entries (globs kept as written, since only the build tree resolves
 * them), the {@code %dir} entries, the {@code -f} file lists the build writes, and why entries
 * could not be read. Entries marked {@code %exclude}, and relative {@code %doc}/{@code %license}
 * files (copied from the build directory), are not listed.
 *
 * @param paths absolute file entries, including {@code %ghost} and {@code %config} ones
 * @param directories {@code %dir} entries
 * @param fileLists the {@code -f} arguments: files the build writes, whose contents are not known here
 * @param undeterminable one reason per entry Keel could not expand
 */
public record ExpandedFiles(
        List<String> paths, List<String> directories, List<String> fileLists, List<String> undeterminable) {

    public static final ExpandedFiles NONE = new ExpandedFiles(List.of(), List.of(), List.of(), List.of());

    public ExpandedFiles {
        paths = List.copyOf(paths);
        directories = List.copyOf(directories);
        fileLists = List.copyOf(fileLists);
        undeterminable = List.copyOf(undeterminable);
    }
}
