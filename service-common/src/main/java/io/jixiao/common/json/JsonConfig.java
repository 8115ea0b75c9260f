package io.jixiao.common.json;

import jakarta.inject.Singleton;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * JSON as the money API needs it: a number in the request becomes a BigDecimal straight from its
 * text (never through a double), a misspelt field ("ammount") is refused instead of ignored, and a
 * text with a NUL character (JSON allows "\u0000"; PostgreSQL cannot store it) is refused as bad
 * input naming its field, not found out by the database.
 */
@Singleton
public class JsonConfig implements ObjectMapperCustomizer {

    /** Why a text was refused, as the problem+json says it. */
    public static final String NUL_REFUSED = "must not contain the NUL character (\\u0000)";

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.registerModule(new SimpleModule("jixiao-text").addDeserializer(String.class, new TextWithoutNul()));
    }

    /** Text as Jackson reads it, refused when it holds a NUL character. */
    static final class TextWithoutNul extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            if (text != null && text.indexOf('\0') >= 0) {
                throw context.weirdStringException(text, String.class, NUL_REFUSED);
            }
            return text;
        }
    }

}
