package dev.keel.cli;

import dev.keel.core.io.KeelCache;
import dev.keel.core.source.DownloadLimits;
import dev.keel.core.source.FetchPolicy;
import dev.keel.core.source.LookasideCache;
import dev.keel.core.source.MirrorCache;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --offline} and {@code --max-download-size}: how commands that fetch may use the network. */
public final class FetchOptions {

    @Option(
            names = "--offline",
            description = "Use only Keel's cache: fetch and download nothing; fail naming what the cache lacks.")
    boolean offline;

    @Option(
            names = "--max-download-size",
            paramLabel = "SIZE",
            converter = ByteSize.class,
            description = "Refuse a lookaside file, source file or dist-git fetch larger than SIZE, in bytes or"
                    + " with K, M, G or T (powers of 1024), e.g. 500M (default: 4G).")
    long maxDownloadSize = DownloadLimits.DEFAULT_MAX_BYTES;

    FetchPolicy policy() {
        FetchPolicy standard = FetchPolicy.DEFAULT;
        return new FetchPolicy(offline, standard.limits().withMaxBytes(maxDownloadSize), standard.retry());
    }

    /** The dist-git mirrors in Keel's cache, used by these options. */
    MirrorCache mirrors() {
        return new MirrorCache(KeelCache.directory(), policy());
    }

    /** The lookaside files in Keel's cache, used by these options. */
    LookasideCache lookaside() {
        return new LookasideCache(KeelCache.directory(), policy());
    }

    /** {@code 4G}, {@code 512M}, {@code 100K}, {@code 1048576} (also {@code GiB}, {@code GB}: all powers of 1024). */
    static final class ByteSize implements CommandLine.ITypeConverter<Long> {

        private static final Pattern SIZE = Pattern.compile("(\\d{1,15})\\s*(?:([KMGT])(?:I?B)?|B)?");

        @Override
        public Long convert(String value) {
            Matcher matcher = SIZE.matcher(value.strip().toUpperCase(Locale.ROOT));
            if (!matcher.matches()) {
                throw new CommandLine.TypeConversionException(
                        "'" + value + "' is not a size (a number of bytes, or with K, M, G or T, e.g. 500M)");
            }
            long number = Long.parseLong(matcher.group(1));
            int shift = matcher.group(2) == null ? 0 : 10 * ("KMGT".indexOf(matcher.group(2)) + 1);
            if (number < 1 || number > (Long.MAX_VALUE >> shift)) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a size from 1 byte to 8 EiB");
            }
            return number << shift;
        }
    }
}
