package io.jixiao.budget.mapping;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record DepartmentRequest(
        @NotNull @Pattern(regexp = "[A-Z][A-Z0-9_-]{1,31}", message = "must be 2-32 capital letters, digits, - or _, starting with a letter") String code,
        @NotBlank @Size(max = 200) String name) {
}
