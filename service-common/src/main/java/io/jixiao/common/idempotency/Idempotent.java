package io.jixiao.common.idempotency;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * A write a client may retry after a timeout: it must carry an {@code Idempotency-Key} (400 naming the header
 * when it does not), and a retry with the same key gets the first answer instead of a second effect
 * ({@link IdempotencyInterceptor}). The operation is the request's method and path; the request is the method's
 * {@code @Valid} body parameter.
 */
@InterceptorBinding
@Documented
@Target({ METHOD, TYPE })
@Retention(RUNTIME)
public @interface Idempotent {
}
