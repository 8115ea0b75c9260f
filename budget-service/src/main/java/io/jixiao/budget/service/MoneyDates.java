package io.jixiao.budget.service;

import java.time.LocalDate;

import io.jixiao.budget.FundingLine;
import io.jixiao.budget.Project;
import io.jixiao.common.problem.ProblemException;

/**
 * When money may move on a project (DESIGN §9): on a day of its fiscal year (for a line carried over, from the
 * start of the year it was carried over from), and not after today in the departments' calendar.
 */
final class MoneyDates {

    static void require(String field, LocalDate date, Project project, FundingLine line, LocalDate today) {
        int fromYear = line != null && line.carriedOverFromYear != null ? line.carriedOverFromYear : project.fiscalYear;
        LocalDate first = LocalDate.of(fromYear, 1, 1);
        LocalDate last = LocalDate.of(project.fiscalYear, 12, 31);
        if (date.isBefore(first) || date.isAfter(last)) {
            throw ProblemException.invalidField(field, "is " + date + ", outside " + first + " – " + last
                    + ": the fiscal year of project '" + project.name + "'"
                    + (fromYear == project.fiscalYear ? "" : " and the year its line was carried over from"));
        }
        if (date.isAfter(today)) {
            throw ProblemException.invalidField(field, "is " + date + ", in the future: today is " + today);
        }
    }

    private MoneyDates() {
    }
}
