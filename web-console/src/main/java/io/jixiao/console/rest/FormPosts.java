package io.jixiao.console.rest;

import java.net.URI;
import java.util.function.Function;

import jakarta.ws.rs.core.Response;

import io.jixiao.console.client.ServiceRefusal;

/**
 * What every form post does: make the service call; if the service takes it, send the browser back to the page
 * with a notice (so a reload does not post it again); if it refuses, show the page again with the refusal beside
 * the form, under the service's status. A service fault is not the user's: it goes to {@link ErrorPages}.
 */
final class FormPosts {

    private FormPosts() {
    }

    static Response post(Runnable call, String page, String done, Function<ServiceRefusal, Object> pageAgain) {
        try {
            call.run();
        } catch (ServiceRefusal refusal) {
            if (refusal.serviceFault()) {
                throw refusal;
            }
            return Response.status(refusal.status()).entity(pageAgain.apply(refusal)).build();
        }
        return Response.seeOther(URI.create(page + (page.contains("?") ? "&" : "?") + "done=" + done)).build();
    }
}
