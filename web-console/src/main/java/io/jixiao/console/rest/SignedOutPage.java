package io.jixiao.console.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/** Where sign-out ends: the console's session and Keycloak's are both over. Public. */
@Path("/signed-out")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class SignedOutPage {

    @Inject
    @Location("signed-out.html")
    Template page;

    @GET
    public TemplateInstance show() {
        return page.instance();
    }
}
