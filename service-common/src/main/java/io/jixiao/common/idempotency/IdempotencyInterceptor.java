package io.jixiao.common.idempotency;

import java.lang.annotation.Annotation;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.validation.Valid;
import jakarta.ws.rs.core.Response;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * The one place {@code Idempotency-Key} is read and honoured ({@link Idempotent}). It runs after the request
 * has been validated (bad input is refused before a key is claimed). A write answered synchronously runs in
 * {@link IdempotentWrites#run}, in one transaction with its key's record. A write committed later by a group of
 * its own (budget-service's disbursements, which answer with a {@link Uni}) gets its key and fingerprint from
 * {@link KeyedRequest} and stores its answer with its group.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 900)
public class IdempotencyInterceptor {

    @Inject
    IdempotentWrites writes;

    @Inject
    HttpServerRequest request;

    @Inject
    KeyedRequest keyed;

    @AroundInvoke
    Object honourTheKey(InvocationContext context) throws Exception {
        String key = request.getHeader(IdempotentWrites.HEADER);
        IdempotentWrites.requireKey(key);
        String operation = request.method().name() + " " + request.path();
        Object body = body(context);
        if (Uni.class.isAssignableFrom(context.getMethod().getReturnType())) {
            keyed.set(key, writes.fingerprint(operation, body));
            return context.proceed();
        }
        return writes.run(key, operation, body, () -> {
            try {
                return IdempotentWrites.WriteResult.of((Response) context.proceed());
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The request body: the parameter marked {@code @Valid}; null for a write without one. */
    private static Object body(InvocationContext context) {
        Annotation[][] annotations = context.getMethod().getParameterAnnotations();
        for (int i = 0; i < annotations.length; i++) {
            for (Annotation a : annotations[i]) {
                if (a.annotationType() == Valid.class) {
                    return context.getParameters()[i];
                }
            }
        }
        return null;
    }
}
