package io.jixiao.console.rest;

import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.jixiao.console.client.ReportClient;
import io.quarkus.security.Authenticated;

/**
 * A report's files for download (HTML, Word, Excel, JSON): the draft as it stands, or the published version. The
 * console passes report-service's file through with the user's token; report-service decides who may read it.
 */
@Path("/files/{code}/{year}")
@Authenticated
public class ReportFilesPage {

    private static final Set<String> FILES = Set.of("report.html", "report.docx", "report.xlsx", "report.json");

    @Inject
    @RestClient
    ReportClient reports;

    @GET
    @Path("/draft/{file}")
    public Response draft(@PathParam("code") String code, @PathParam("year") int year, @PathParam("file") String file) {
        return passOn(reports.draftFile(code, year, checked(file)));
    }

    @GET
    @Path("/published/{file}")
    public Response published(@PathParam("code") String code, @PathParam("year") int year, @PathParam("file") String file) {
        return passOn(reports.publishedFile(code, year, checked(file)));
    }

    private static String checked(String file) {
        if (!FILES.contains(file)) {
            throw new NotFoundException("没有这种文件：" + file);
        }
        return file;
    }

    private static Response passOn(Response file) {
        Response.ResponseBuilder answer = Response.ok(file.readEntity(byte[].class), file.getMediaType());
        String disposition = file.getHeaderString(HttpHeaders.CONTENT_DISPOSITION);
        if (disposition != null) {
            answer.header(HttpHeaders.CONTENT_DISPOSITION, disposition);
        }
        return answer.build();
    }
}
