package io.jixiao.budget.mapping;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import io.jixiao.common.time.BusinessDate;

/** Reverses an arrival or a disbursement in full; the original stays in the ledger. */
public record ReversalRequest(
        @NotNull UUID entryId,
        @NotBlank @Size(max = 1000) String reason,
        @NotNull @BusinessDate LocalDate reversedOn) {
}
