package io.jixiao.indicator.mapping;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A finance reviewer assigns a department-year its scoring policy (template), saying why where it changes. */
public record PolicyAssignmentRequest(@NotBlank @Size(max = 100) String policy, @Size(max = 1000) String reason) {
}
