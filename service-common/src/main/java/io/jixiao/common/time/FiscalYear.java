package io.jixiao.common.time;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * A fiscal year the platform keeps (2000–2100, as the databases check), wherever it is given: a body's field
 * or a {@code {year}} in the path. Null passes: pair with {@code @NotNull}.
 */
@Documented
@Min(2000)
@Max(2100)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE })
@Retention(RUNTIME)
public @interface FiscalYear {

    String message() default "must be a fiscal year from 2000 to 2100";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
