package dev.keel.core.source;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A remote URL split into its address without userinfo (what caches are keyed by and transports
 * get) and the credentials its userinfo carried, if any. {@link #toString} shows the userinfo as
 * {@code ***}, so a remote named in a message never shows a secret; {@link #redact} does the
 * same for any text.
 */
public final class Remote {

    /** A scheme, {@code ://}, then userinfo: everything up to the last {@code @} of the authority. */
    private static final Pattern USERINFO = Pattern.compile("\\b([A-Za-z][A-Za-z0-9+.-]*://)([^/?#\\s\"'<>]*)@");

    /** What a redacted userinfo is shown as. */
    static final String HIDDEN = "***";

    /** A user name and password from a URL's userinfo, percent-decoded; the password may be empty. */
    public record Credentials(String user, String password) {

        @Override
        public String toString() {
            return HIDDEN;
        }
    }

    private final String address;
    private final String shown;
    private final Credentials credentials;

    private Remote(String address, String shown, Credentials credentials) {
        this.address = address;
        this.shown = shown;
        this.credentials = credentials;
    }

    /** Splits a URL (or URL template); one without userinfo has no credentials. */
    public static Remote of(String url) {
        Matcher matcher = USERINFO.matcher(url);
        if (!matcher.lookingAt()) {
            return new Remote(url, url, null);
        }
        String userinfo = matcher.group(2);
        int colon = userinfo.indexOf(':');
        Credentials credentials = colon < 0
                ? new Credentials(decode(userinfo), "")
                : new Credentials(decode(userinfo.substring(0, colon)), decode(userinfo.substring(colon + 1)));
        String rest = url.substring(matcher.end());
        return new Remote(matcher.group(1) + rest, matcher.group(1) + HIDDEN + "@" + rest, credentials);
    }

    /** The URL without its userinfo. */
    public String address() {
        return address;
    }

    public Optional<Credentials> credentials() {
        return Optional.ofNullable(credentials);
    }

    /** The text with the userinfo of every URL in it replaced by {@code ***}. */
    public static String redact(String text) {
        if (text == null || text.indexOf('@') < 0 || !text.contains("://")) {
            return text;
        }
        return USERINFO.matcher(text).replaceAll("$1" + HIDDEN + "@");
    }

    /** The URL (or URL template) without its userinfo. */
    public static String withoutUserinfo(String url) {
        return of(url).address();
    }

    private static String decode(String text) {
        try {
            // percent-escapes only: a '+' in userinfo is a plus sign, not a space
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    /** The URL with its userinfo, if any, shown as {@code ***}: what messages name. */
    @Override
    public String toString() {
        return shown;
    }
}
