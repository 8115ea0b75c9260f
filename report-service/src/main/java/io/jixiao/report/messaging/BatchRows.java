package io.jixiao.report.messaging;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.transaction.TransactionScoped;

import org.hibernate.jpa.HibernateHints;

import io.jixiao.report.FundingLine;
import io.jixiao.report.Indicator;
import io.jixiao.report.Project;

/**
 * The projects, funding lines and indicators a batch of events touches, read in one query per table
 * before the batch is applied, and found here by id while it is. One per transaction, so the two
 * consumers (and a rebuild) never see each other's batch. An id that was read and not found is absent
 * for the whole batch unless an event of the batch registers it, so registering a new project, line or
 * indicator costs no query; an id the batch did not announce is looked up as before.
 */
@TransactionScoped
public class BatchRows {

    private final Rows<Project> projects = new Rows<>(Project::findById);
    private final Rows<FundingLine> lines = new Rows<>(FundingLine::findById);
    private final Rows<Indicator> indicators = new Rows<>(Indicator::findById);

    void read(Set<UUID> projectIds, Set<UUID> lineIds, Set<UUID> indicatorIds) {
        if (!projectIds.isEmpty()) {
            // read-only: most are read for a money event, which only needs to know the project exists (its totals
            // are written set-based); a registration makes its project writable again (ReadModelProjection)
            projects.read(projectIds, Project.<Project>find("id in ?1", projectIds)
                    .withHint(HibernateHints.HINT_READ_ONLY, true).list(), p -> p.id);
        }
        if (!lineIds.isEmpty()) {
            lines.read(lineIds, FundingLine.<FundingLine>list("id in ?1", lineIds), l -> l.id);
        }
        if (!indicatorIds.isEmpty()) {
            indicators.read(indicatorIds, Indicator.<Indicator>list("id in ?1", indicatorIds), i -> i.id);
        }
    }

    Project project(UUID id) {
        return projects.find(id);
    }

    FundingLine line(UUID id) {
        return lines.find(id);
    }

    Indicator indicator(UUID id) {
        return indicators.find(id);
    }

    /** A row an event of the batch has just created, so the batch's later events find it. */
    void registered(Project project) {
        projects.put(project.id, project);
    }

    void registered(FundingLine line) {
        lines.put(line.id, line);
    }

    void registered(Indicator indicator) {
        indicators.put(indicator.id, indicator);
    }

    private static final class Rows<T> {
        private final Function<UUID, T> lookUp;
        private final Map<UUID, T> found = new HashMap<>();
        private final Set<UUID> read = new HashSet<>();

        Rows(Function<UUID, T> lookUp) {
            this.lookUp = lookUp;
        }

        void read(Collection<UUID> ids, List<T> rows, Function<T, UUID> idOf) {
            read.addAll(ids);
            rows.forEach(row -> found.put(idOf.apply(row), row));
        }

        T find(UUID id) {
            T row = found.get(id);
            return row != null || read.contains(id) ? row : lookUp.apply(id);
        }

        void put(UUID id, T row) {
            read.add(id);
            found.put(id, row);
        }
    }
}
