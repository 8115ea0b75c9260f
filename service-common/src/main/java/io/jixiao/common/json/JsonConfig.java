package io.jixiao.common.json;

import java.io.IOException;
import java.math.BigDecimal;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * JSON as the money API reads it:
 * <ul>
 * <li>a number becomes a BigDecimal straight from its text (never through a double), and one with more digits
 * or a larger exponent than any field takes is refused as it is read: {@code 1e-200000000} is 13 bytes, and
 * writing it out in full, or rounding it, takes gigabytes;</li>
 * <li>a misspelt field ("ammount") is refused instead of ignored, and a field given twice instead of one of
 * its values picked;</li>
 * <li>every value must be of its field's JSON type: no number for a text, no text or fraction for a whole
 * number, no index for an enum (decimals alone may come as strings: the API's amounts do);</li>
 * <li>text with control characters, unpaired surrogates or bidirectional controls ({@link Text}) is refused
 * naming its field, not found out by the database.</li>
 * </ul>
 */
@Singleton
public class JsonConfig implements ObjectMapperCustomizer {

    /** The most significant digits, and the largest exponent either way, of any number the API takes. */
    static final int MAX_DIGITS = 30;
    static final int MAX_EXPONENT = 20;

    @Override
    public void customize(ObjectMapper mapper) {
        // {"amount":"1","amount":"1000000"} means whatever the reader picks: refused instead
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("jixiao-input")
                .addDeserializer(String.class, new CheckedText())
                .addDeserializer(BigDecimal.class, new BoundedDecimal()));
    }

    /** Text as Jackson reads it, refused when {@link Text} refuses it. */
    static final class CheckedText extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            String problem = text == null ? null : Text.problem(text);
            if (problem != null) {
                throw new RefusedValue(parser, String.class, problem);
            }
            return text;
        }
    }

    /** A decimal as Jackson reads it, refused when no field could take it, before anything else looks at it. */
    static final class BoundedDecimal extends NumberDeserializers.BigDecimalDeserializer {

        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            BigDecimal value = super.deserialize(parser, context);
            if (value != null && (value.precision() > MAX_DIGITS || Math.abs((long) value.scale()) > MAX_EXPONENT)) {
                throw new RefusedValue(parser, BigDecimal.class, "is not a number any field takes: at most " + MAX_DIGITS
                        + " significant digits and " + MAX_EXPONENT + " decimals, and less than 10^" + MAX_EXPONENT);
            }
            return value;
        }
    }
}
