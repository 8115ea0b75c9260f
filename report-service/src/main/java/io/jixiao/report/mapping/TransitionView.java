package io.jixiao.report.mapping;

import java.time.OffsetDateTime;

import io.jixiao.report.ReportStatus;
import io.jixiao.report.ReportTransition;

/** One step of the workflow, with who took it and when. */
public record TransitionView(ReportStatus from, ReportStatus to, Integer version, String comment, String actor,
        String actorDepartment, OffsetDateTime at) {

    public static TransitionView of(ReportTransition t) {
        return new TransitionView(t.fromStatus, t.toStatus, t.version, t.comment, t.actorSubject, t.actorDepartment, t.at);
    }
}
