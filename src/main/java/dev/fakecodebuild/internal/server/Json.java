package dev.fakecodebuild.internal.server;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, strict JSON reader and writer for request and response bodies.
 *
 * <p>The fake has its own so that it adds no JSON library to the user's classpath and can say
 * exactly where a malformed body goes wrong. Values read are {@link Map} (insertion order), {@link
 * List}, {@link String}, {@link BigDecimal}, {@link Boolean} and {@code null}.
 */
final class Json {

    /** Deeper nesting than any CodeBuild shape, low enough to keep the stack safe. */
    private static final int MAX_DEPTH = 64;

    /** Longer numbers than any CodeBuild member takes are refused before BigDecimal sees them. */
    private static final int MAX_NUMBER_LENGTH = 64;

    /** Keeps exponents small enough that converting a number never needs much memory. */
    private static final int MAX_SCALE = 1000;

    private final String text;
    private int position;
    private int depth;

    private Json(String text) {
        this.text = text;
    }

    /**
     * Read one JSON value that fills the whole text.
     *
     * @param text the JSON text
     * @return the value
     * @throws MalformedRequestException if the text is not exactly one JSON value
     */
    static Object read(String text) {
        Json reader = new Json(text);
        reader.skipWhitespace();
        Object value = reader.readValue();
        reader.skipWhitespace();
        if (reader.position != text.length()) {
            throw reader.error("unexpected text after the JSON value");
        }
        return value;
    }

    private Object readValue() {
        if (position >= text.length()) {
            throw error("unexpected end of the body");
        }
        char next = text.charAt(position);
        return switch (next) {
            case '{' -> readObject();
            case '[' -> readArray();
            case '"' -> readString();
            case 't' -> readLiteral("true", true);
            case 'f' -> readLiteral("false", false);
            case 'n' -> readLiteral("null", null);
            default -> {
                if (next == '-' || isDigit(next)) {
                    yield readNumber();
                }
                throw error("unexpected character '" + next + "'");
            }
        };
    }

    private Map<String, Object> readObject() {
        enter();
        position++;
        Map<String, Object> object = new LinkedHashMap<>();
        skipWhitespace();
        if (consume('}')) {
            depth--;
            return object;
        }
        while (true) {
            skipWhitespace();
            if (position >= text.length() || text.charAt(position) != '"') {
                throw error("expected a member name in double quotes");
            }
            String name = readString();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            object.put(name, readValue());
            skipWhitespace();
            if (consume('}')) {
                depth--;
                return object;
            }
            expect(',');
        }
    }

    private List<Object> readArray() {
        enter();
        position++;
        List<Object> array = new ArrayList<>();
        skipWhitespace();
        if (consume(']')) {
            depth--;
            return array;
        }
        while (true) {
            skipWhitespace();
            array.add(readValue());
            skipWhitespace();
            if (consume(']')) {
                depth--;
                return array;
            }
            expect(',');
        }
    }

    private String readString() {
        position++;
        StringBuilder value = null;
        int start = position;
        while (position < text.length()) {
            char next = text.charAt(position);
            if (next == '"') {
                String tail = text.substring(start, position++);
                return value == null ? tail : value.append(tail).toString();
            }
            if (next < 0x20) {
                throw error("unescaped control character in a string");
            }
            if (next == '\\') {
                if (value == null) {
                    value = new StringBuilder();
                }
                value.append(text, start, position);
                value.append(readEscape());
                start = position;
            } else {
                position++;
            }
        }
        throw error("unterminated string");
    }

    private char readEscape() {
        position++;
        if (position >= text.length()) {
            throw error("unterminated string");
        }
        char escaped = text.charAt(position++);
        return switch (escaped) {
            case '"', '\\', '/' -> escaped;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> readUnicodeEscape();
            default -> {
                position--;
                throw error("invalid escape '\\" + escaped + "'");
            }
        };
    }

    private char readUnicodeEscape() {
        if (position + 4 > text.length()) {
            throw error("incomplete \\u escape");
        }
        String hex = text.substring(position, position + 4);
        for (int i = 0; i < hex.length(); i++) {
            if (Character.digit(hex.charAt(i), 16) < 0) {
                throw error("invalid \\u escape");
            }
        }
        position += 4;
        return (char) Integer.parseInt(hex, 16);
    }

    private BigDecimal readNumber() {
        int start = position;
        consume('-');
        if (!consume('0')) {
            requireDigits();
        }
        if (consume('.')) {
            requireDigits();
        }
        if (consume('e') || consume('E')) {
            if (!consume('+')) {
                consume('-');
            }
            requireDigits();
        }
        if (position - start > MAX_NUMBER_LENGTH) {
            position = start;
            throw error("number too long");
        }
        BigDecimal number;
        try {
            number = new BigDecimal(text.substring(start, position));
        } catch (NumberFormatException exponentBeyondInt) {
            position = start;
            throw error("number out of range");
        }
        if (Math.abs((long) number.scale()) > MAX_SCALE) {
            position = start;
            throw error("number out of range");
        }
        return number;
    }

    private void requireDigits() {
        int start = position;
        while (position < text.length() && isDigit(text.charAt(position))) {
            position++;
        }
        if (position == start) {
            throw error("expected a digit");
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private Object readLiteral(String literal, Object value) {
        if (!text.startsWith(literal, position)) {
            throw error("unexpected character '" + text.charAt(position) + "'");
        }
        position += literal.length();
        return value;
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    private boolean consume(char expected) {
        if (position < text.length() && text.charAt(position) == expected) {
            position++;
            return true;
        }
        return false;
    }

    private void expect(char expected) {
        if (!consume(expected)) {
            throw error(
                    position >= text.length()
                            ? "unexpected end of the body"
                            : "expected '"
                                    + expected
                                    + "' but found '"
                                    + text.charAt(position)
                                    + "'");
        }
    }

    private void skipWhitespace() {
        while (position < text.length()) {
            char next = text.charAt(position);
            if (next != ' ' && next != '\t' && next != '\n' && next != '\r') {
                return;
            }
            position++;
        }
    }

    private MalformedRequestException error(String problem) {
        return new MalformedRequestException(
                "The request body is not valid JSON: " + problem + " at offset " + position);
    }

    /**
     * Append a JSON string literal.
     *
     * @param out where to write
     * @param value the string
     */
    static void writeString(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char next = value.charAt(i);
            switch (next) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (next < 0x20 || isLoneSurrogate(value, i)) {
                        out.append(String.format("\\u%04x", (int) next));
                    } else {
                        out.append(next);
                    }
                }
            }
        }
        out.append('"');
    }

    /** A surrogate without its pair cannot be encoded as UTF-8; JSON can still carry it. */
    private static boolean isLoneSurrogate(String value, int index) {
        char c = value.charAt(index);
        if (Character.isHighSurrogate(c)) {
            return index + 1 >= value.length()
                    || !Character.isLowSurrogate(value.charAt(index + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return index == 0 || !Character.isHighSurrogate(value.charAt(index - 1));
        }
        return false;
    }
}
