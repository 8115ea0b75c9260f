package io.jixiao.budget.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.jixiao.budget.Department;
import io.jixiao.budget.mapping.DepartmentRequest;
import io.jixiao.budget.mapping.DepartmentView;
import io.jixiao.budget.messaging.BudgetEvents;
import io.jixiao.common.problem.ProblemException;
import io.jixiao.common.security.Caller;

@ApplicationScoped
public class DepartmentService {

    @Inject
    Caller caller;

    @Inject
    BudgetEvents events;

    @Transactional
    public DepartmentView register(DepartmentRequest request) {
        if (Department.findById(request.code()) != null) {
            throw ProblemException.ruleBroken("department-exists", "Department exists",
                    "department " + request.code() + " is already registered", Map.of("code", request.code()));
        }
        Department department = new Department();
        department.code = request.code();
        department.name = request.name().strip();
        department.registeredAt = OffsetDateTime.now();
        department.registeredBy = caller.subject();
        department.persist();
        events.departmentRegistered(department);
        return DepartmentView.of(department);
    }

    public List<DepartmentView> list() {
        List<Department> all = Department.listAll(io.quarkus.panache.common.Sort.by("code"));
        return all.stream().filter(d -> caller.canSee(d.code)).map(DepartmentView::of).toList();
    }

    public DepartmentView get(String code) {
        return DepartmentView.of(visible(code));
    }

    /** The department, if the caller may see it; "not found" otherwise. */
    public Department visible(String code) {
        caller.requireVisible(code, "department " + code);
        Department department = Department.findById(code);
        if (department == null) {
            throw ProblemException.notFound("department " + code);
        }
        return department;
    }
}
