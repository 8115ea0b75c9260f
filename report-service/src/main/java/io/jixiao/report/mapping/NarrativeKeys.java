package io.jixiao.report.mapping;

import java.util.LinkedHashMap;
import java.util.Map;

/** The narrative sections a department writes, in the seed's order, each with its heading. */
public final class NarrativeKeys {

    public static final String EXECUTION_EXPLANATION = "execution-explanation";

    public static final Map<String, String> HEADINGS = headings();

    private static Map<String, String> headings() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("background", "1.项目决策背景");
        h.put("main-content", "2.项目主要内容");
        h.put("organisation", "3.项目组织管理机构");
        h.put("fund-flow", "(1)资金来源及拨付流程");
        h.put("fund-management", "(4)资金管理制度及执行情况");
        h.put("implementation", "2.项目组织实施管理情况");
        h.put(EXECUTION_EXPLANATION, "预算执行率偏低的说明");
        h.put("evaluation-purpose", "(一)绩效评价目的");
        h.put("evaluation-scope", "(二)被评价单位、绩效评价范围与时段");
        h.put("evaluation-method", "(三)绩效评价原则、评价指标体系、评价方法");
        h.put("social-benefit", "(一)社会效益");
        h.put("ecological-benefit", "(二)生态效益");
        h.put("sustainability", "(三)可持续影响");
        h.put("satisfaction", "(四)满意度情况");
        h.put("decision", "(一)项目决策情况");
        h.put("compliance", "(3)资金使用合规性");
        h.put("management-rules", "2.项目实施");
        h.put("outputs", "(三)项目产出情况");
        h.put("experience", "(一)项目主要经验及做法");
        h.put("problems", "(二)存在的问题");
        h.put("suggestions", "(三)有关建议");
        return java.util.Collections.unmodifiableMap(h);
    }

    private NarrativeKeys() {
    }
}
