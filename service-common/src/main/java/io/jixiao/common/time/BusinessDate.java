package io.jixiao.common.time;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.LocalDate;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The day something happened to the money (spent, arrived, reversed, adjusted): within the fiscal
 * years the platform keeps (2000–2100, as the databases check). JSON accepts any ISO date up to the
 * year 999999999, which PostgreSQL cannot store. Null passes: pair with {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = BusinessDate.Validator.class)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT })
@Retention(RUNTIME)
public @interface BusinessDate {

    String message() default "must be between 2000-01-01 and 2100-12-31";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<BusinessDate, LocalDate> {

        private static final LocalDate FIRST = LocalDate.of(2000, 1, 1);
        private static final LocalDate LAST = LocalDate.of(2100, 12, 31);

        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            return value == null || (!value.isBefore(FIRST) && !value.isAfter(LAST));
        }
    }
}
