package io.jixiao.console.rest;

import java.net.URI;

import jakarta.ws.rs.core.Response;

/** After a form is accepted the browser is sent back to the page (so a reload does not post it again). */
final class Redirects {

    private Redirects() {
    }

    static Response to(String path, String done) {
        return Response.seeOther(URI.create(path + (path.contains("?") ? "&" : "?") + "done=" + done)).build();
    }
}
