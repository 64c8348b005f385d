package dev.keel.core.config.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A value (or list of values) that is a path or a glob relative to the file that declares it. The
 * loader makes it absolute as soon as the file is read, so merged and dumped configurations no
 * longer depend on where each value was written.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface PathValue {
    /** Whether the value is a glob (its directory part is escaped when made absolute). */
    boolean glob() default false;

    /** Whether URIs ({@code scheme://...}) are left alone. */
    boolean allowUri() default false;
}
