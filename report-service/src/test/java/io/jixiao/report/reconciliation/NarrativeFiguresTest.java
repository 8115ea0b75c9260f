package io.jixiao.report.reconciliation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.jixiao.report.reconciliation.NarrativeFigures.Metric;

class NarrativeFiguresTest {

    private static List<String> found(String text) {
        return NarrativeFigures.in(text).stream().map(q -> q.metric() + "=" + q.value().toPlainString()).toList();
    }

    @Test
    void theSeedsOwnSentencesAreRead() {
        assertEquals(List.of("BUDGET=1327.19", "ARRIVED=1327.19", "ARRIVAL_RATE=100"),
                found("2023年度财政下拨专项资金共1327.19万元,资金到位1327.19万元,到位率100%"));
        assertEquals(List.of("ARRIVED=1327.19", "SPENT=1240.6", "EXECUTION_RATE=93.48"),
                found("本年度项目资金到位1327.19万元，支出1240.6万元，资金执行率93.48%。"));
        assertEquals(List.of("BUDGET=1327.19", "ARRIVED=1327.19", "ARRIVAL_RATE=100"),
                found("(1)资金到位率。本年度项目预算资金总额1327.19万元，实际到位资金1327.19万元，资金到位率100%。"));
    }

    @Test
    void aSavingIsNotMistakenForSpending() {
        assertEquals(List.of("BUDGET=1327.19", "SPENT=1240.6", "SAVINGS=86.59", "COST_CONTROL_RATE=6.52"),
                found("预算下达金额总1327.19万元，实际支出1240.6万元，支出较预算节约86.59万元。成本控制率6.52%。"));
    }

    @Test
    void figuresWithoutAKeywordAreLeftAlone() {
        assertEquals(List.of(), found("全年受理企业诉求2486个，解决2273个，问题办结率91.43%。新进规模企业143家"));
        assertEquals(Metric.EXECUTION_RATE, NarrativeFigures.in("执行率：90%").get(0).metric());
    }
}
