package io.jixiao.console.client;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Turns every non-2xx answer of a service into a {@link ServiceRefusal} with the problem's messages. */
public class ServiceRefusals implements ResponseExceptionMapper<ServiceRefusal> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public ServiceRefusal toThrowable(Response response) {
        String body = null;
        try {
            if (response.hasEntity()) {
                body = response.readEntity(String.class);
            }
        } catch (RuntimeException e) {
            // an unreadable body: the status alone speaks
        }
        return refusal(response.getStatus(), body);
    }

    /** The refusal a service's answer with this status and body means. */
    static ServiceRefusal refusal(int status, String body) {
        JsonNode problem = null;
        try {
            problem = body == null ? null : JSON.readTree(body);
        } catch (Exception e) {
            // not a problem document (a proxy's page, an empty body): the status alone speaks
        }
        if (problem == null || !problem.isObject()) {
            return new ServiceRefusal(status, defaultTitle(status), null, Map.of());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (JsonNode v : problem.path("violations")) {
            String field = v.path("field").asText("");
            fields.putIfAbsent(field.substring(field.lastIndexOf('.') + 1), v.path("message").asText(""));
        }
        return new ServiceRefusal(status, problem.path("title").asText(defaultTitle(status)),
                problem.path("detail").asText(null), fields);
    }

    private static String defaultTitle(int status) {
        return switch (status) {
            case 401 -> "登录已过期，请重新登录";
            case 403 -> "无权执行此操作";
            case 404 -> "未找到";
            default -> status >= 500 ? "服务暂时不可用，请稍后再试" : "请求未被接受";
        };
    }
}
