package dev.keel.core.overlay;

/** One file of a component's sources: its bytes and whether it is executable. */
public record SourceFile(byte[] content, boolean executable) {

    public SourceFile {
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    /** The size in bytes. */
    public int size() {
        return content.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SourceFile file
                && file.executable == executable
                && java.util.Arrays.equals(file.content, content);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(content) * 31 + Boolean.hashCode(executable);
    }

    @Override
    public String toString() {
        return "SourceFile[" + content.length + " bytes" + (executable ? ", executable" : "") + "]";
    }
}
