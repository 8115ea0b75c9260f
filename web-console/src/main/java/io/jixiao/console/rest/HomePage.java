package io.jixiao.console.rest;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import io.jixiao.console.Viewer;
import io.jixiao.console.config.ConsoleConfig;
import io.quarkus.security.Authenticated;

/** The address people bookmark: reviewers and admins land on the city dashboard, department staff on their year. */
@Path("/")
@Authenticated
public class HomePage {

    @Inject
    Viewer viewer;

    @Inject
    ConsoleConfig config;

    @GET
    public Response home() {
        if (viewer.citywide()) {
            return Response.seeOther(URI.create("/city")).build();
        }
        if (viewer.departmentStaff() && viewer.department() != null) {
            return Response.seeOther(URI.create("/departments/" + viewer.department() + "/" + config.fiscalYear())).build();
        }
        throw new jakarta.ws.rs.ForbiddenException("此账号没有可用的页面：请联系管理员分配角色和单位");
    }
}
