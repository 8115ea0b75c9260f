package io.jixiao.indicator.mapping;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A goal for a project, or (without {@code projectId}) for the department-year as a whole. */
public record GoalRequest(
        @NotNull String departmentCode,
        @NotNull @Min(2000) @Max(2100) Integer fiscalYear,
        UUID projectId,
        @NotBlank @Size(max = 4000) String text,
        @Min(0) @Max(1000) Integer position) {
}
