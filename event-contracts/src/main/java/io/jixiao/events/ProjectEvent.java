package io.jixiao.events;

import java.util.UUID;

/** An event about one project of a department-year: keyed by the project, in order on its partition. */
public interface ProjectEvent extends EventPayload {

    int fiscalYear();

    UUID projectId();
}
