package io.walletdesk.shared.web;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;

/** U+0000 is refused in every text input: request parameters, file names and JSON strings. */
final class NulGuard {

    private NulGuard() {
    }

    static boolean contains(String text) {
        return text != null && text.indexOf('\u0000') >= 0;
    }

    /** Makes a name printable for a problem document even if the name itself held U+0000. */
    static String printable(String name) {
        return name == null ? null : name.replace('\u0000', '?');
    }

    /** A Jackson module whose strings (values and map keys) refuse U+0000. */
    static SimpleModule jacksonModule() {
        SimpleModule module = new SimpleModule("walletdesk-no-nul");
        module.addDeserializer(String.class, new Strings());
        module.addKeyDeserializer(String.class, new Keys());
        return module;
    }

    static final class Strings extends StdScalarDeserializer<String> {

        Strings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (contains(value)) {
                throw new InvalidCharactersException(parser);
            }
            return value;
        }

        @Override
        public tools.jackson.databind.type.LogicalType logicalType() {
            return tools.jackson.databind.type.LogicalType.Textual;
        }

        @Override
        public Object getEmptyValue(DeserializationContext context) {
            return "";
        }

        @Override
        public boolean isCachable() {
            return true;
        }
    }

    static final class Keys extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws JacksonException {
            if (contains(key)) {
                throw new InvalidCharactersException(context.getParser());
            }
            return key;
        }
    }
}
