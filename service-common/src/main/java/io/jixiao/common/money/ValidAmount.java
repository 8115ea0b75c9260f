package io.jixiao.common.money;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.math.BigDecimal;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A money amount in yuan as the API accepts it (DESIGN §5): at most 2 decimals, not absurdly large,
 * and of the sign the field needs. Null passes: pair with {@code @NotNull} where required.
 */
@Documented
@Constraint(validatedBy = ValidAmount.Validator.class)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE })
@Retention(RUNTIME)
public @interface ValidAmount {

    Sign value() default Sign.POSITIVE;

    String message() default "is not a valid amount";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    enum Sign {
        /** Money that moves: arrivals, disbursements. */
        POSITIVE,
        /** Budgets and declared totals: zero is meaningful (a project whose amount is not yet known). */
        NON_NEGATIVE,
        /** Adjustments: either way, but not nothing. */
        NON_ZERO
    }

    class Validator implements ConstraintValidator<ValidAmount, BigDecimal> {

        private Sign sign;

        @Override
        public void initialize(ValidAmount annotation) {
            sign = annotation.value();
        }

        @Override
        public boolean isValid(BigDecimal value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            String problem = problem(value);
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
            return false;
        }

        private String problem(BigDecimal value) {
            // the value is never written out here: a huge exponent would take gigabytes
            if (value.stripTrailingZeros().scale() > 2) {
                return "must have at most 2 decimals (yuan and fen)";
            }
            if (value.abs().compareTo(Yuan.ABSURD) > 0) {
                return "is absurdly large: at most " + Yuan.ABSURD.toPlainString() + " yuan";
            }
            return switch (sign) {
                case POSITIVE -> value.signum() > 0 ? null : "must be greater than 0";
                case NON_NEGATIVE -> value.signum() >= 0 ? null : "must not be negative";
                case NON_ZERO -> value.signum() != 0 ? null : "must not be 0";
            };
        }
    }
}
