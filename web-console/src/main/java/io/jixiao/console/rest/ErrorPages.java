package io.jixiao.console.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.jixiao.console.client.ServiceRefusal;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.ForbiddenException;

/**
 * Whatever goes wrong while a page is built is shown as a page in Chinese with the service's own message: never a
 * stack trace, never a blank page. Another department's data reads as "not found", as the services answer it.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @Inject
    @Location("error.html")
    Template page;

    @ServerExceptionMapper
    public Response refused(ServiceRefusal refusal) {
        if (refusal.serviceFault()) {
            LOG.warnf("a service answered %d: %s", refusal.status(), refusal.getMessage());
            return render(503, "服务暂时不可用", "后台服务暂时无法完成请求，请稍后再试。");
        }
        return switch (refusal.status()) {
            case 404 -> render(404, "未找到", "未找到：" + refusal.getMessage() + "（不存在，或不属于您的单位）");
            case 401 -> render(401, "登录已过期", "您的登录已过期，请重新登录。");
            case 403 -> render(403, "无权访问", refusal.getMessage());
            default -> render(refusal.status(), refusal.title(), refusal.getMessage());
        };
    }

    @ServerExceptionMapper
    public Response unreachable(ProcessingException e) {
        LOG.warnf("a service is out of reach: %s", e.getMessage());
        return render(503, "服务暂时不可用", "后台服务暂时无法连接，请稍后再试。");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return render(403, "无权访问", "您的账号没有访问此页面的权限。");
    }

    @ServerExceptionMapper
    public Response forbidden(jakarta.ws.rs.ForbiddenException e) {
        return render(403, "无权访问", e.getMessage());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return render(404, "未找到", "没有这个页面。");
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response other(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        return status >= 500 ? unexpected(e) : render(status, "请求未被接受", "请求的地址或参数不正确。");
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Exception e) {
        LOG.error("page failed", e);
        return render(500, "出错了", "页面生成失败，已记录日志。请稍后再试。");
    }

    private Response render(int status, String title, String message) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page.data("status", status).data("title", title).data("message", message).render()).build();
    }
}
