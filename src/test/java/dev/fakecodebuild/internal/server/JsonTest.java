package dev.fakecodebuild.internal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonTest {

    @Test
    void readsEveryKindOfValue() {
        Object value =
                Json.read(
                        " {\"s\":\"text\",\"n\":-12.5e1,\"z\":0,\"t\":true,\"f\":false,"
                                + "\"nil\":null,\"a\":[1,[],{}],\"o\":{\"k\":\"v\"}} ");

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("s", "text");
        expected.put("n", new BigDecimal("-12.5e1"));
        expected.put("z", BigDecimal.ZERO);
        expected.put("t", true);
        expected.put("f", false);
        expected.put("nil", null);
        expected.put("a", List.of(BigDecimal.ONE, List.of(), Map.of()));
        expected.put("o", Map.of("k", "v"));
        assertThat(value).isEqualTo(expected);
        assertThat(new java.util.ArrayList<Object>(((Map<?, ?>) value).keySet()))
                .containsExactly("s", "n", "z", "t", "f", "nil", "a", "o");
        assertThat(((Map<?, ?>) value).get("n")).isInstanceOf(BigDecimal.class);
    }

    @Test
    void readsTopLevelScalars() {
        assertThat(Json.read("\"x\"")).isEqualTo("x");
        assertThat(Json.read("null")).isNull();
        assertThat(Json.read("true")).isEqualTo(true);
        assertThat(Json.read("-0")).isEqualTo(new BigDecimal("-0"));
        assertThat(Json.read("\t\r\n 1E+2 \n")).isEqualTo(new BigDecimal("1E+2"));
    }

    @Test
    void readsEveryEscape() {
        assertThat(
                        Json.read(
                                "\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t"
                                        + " \\u00e9 \\u00E9 \\ud83d\\ude00\""))
                .isEqualTo("\" \\ / \b \f \n \r \t é é \uD83D\uDE00");
    }

    @Test
    void readsNonAsciiTextAsIs() {
        assertThat(Json.read("\"héllo wörld ✓ 😀\"")).isEqualTo("héllo wörld ✓ 😀");
    }

    @Test
    void numberPrecisionIsKept() {
        assertThat(Json.read("1556905683.568")).isEqualTo(new BigDecimal("1556905683.568"));
        assertThat(Json.read("12345678901234567890123456789"))
                .isEqualTo(new BigDecimal("12345678901234567890123456789"));
    }

    @Test
    void nestingUpTo64LevelsIsRead() {
        String deep = "[".repeat(64) + "]".repeat(64);
        Object value = Json.read(deep);
        for (int i = 0; i < 63; i++) {
            assertThat(value)
                    .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                    .hasSize(1);
            value = ((List<?>) value).get(0);
        }
        assertThat(value).isEqualTo(List.of());
    }

    @Test
    void exponentsUpTo1000AreRead() {
        assertThat(Json.read("1e1000")).isEqualTo(new BigDecimal("1e1000"));
        assertThat(Json.read("1e-1000")).isEqualTo(new BigDecimal("1e-1000"));
        assertThat(Json.read("9".repeat(64))).isEqualTo(new BigDecimal("9".repeat(64)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "``| unexpected end of the body at offset 0",
                "`   `| unexpected end of the body at offset 3",
                "{| expected a member name in double quotes at offset 1",
                "{\"a\"| unexpected end of the body at offset 4",
                "{\"a\" 1}| expected ':' but found '1' at offset 5",
                "{\"a\":1,}| expected a member name in double quotes at offset 7",
                "{\"a\":1 \"b\":2}| expected ',' but found '\"' at offset 7",
                "[1,]| unexpected character ']' at offset 3",
                "[1 2]| expected ',' but found '2' at offset 3",
                "[| unexpected end of the body at offset 1",
                "]| unexpected character ']' at offset 0",
                "01| unexpected text after the JSON value at offset 1",
                "-| expected a digit at offset 1",
                "1.| expected a digit at offset 2",
                ".5| unexpected character '.' at offset 0",
                "1e| expected a digit at offset 2",
                "1e+| expected a digit at offset 3",
                "+1| unexpected character '+' at offset 0",
                "tru| unexpected character 't' at offset 0",
                "nul| unexpected character 'n' at offset 0",
                "True| unexpected character 'T' at offset 0",
                "NaN| unexpected character 'N' at offset 0",
                "\"abc| unterminated string at offset 4",
                "\"abc\\| unterminated string at offset 5",
                "\"\\x\"| invalid escape '\\x' at offset 2",
                "\"\\u12\"| incomplete \\u escape at offset 3",
                "\"\\u12zz\"| invalid \\u escape at offset 3",
                "\"\\u-123\"| invalid \\u escape at offset 3",
                "1e1001| number out of range at offset 0",
                "[1e-1001]| number out of range at offset 1",
                "{} {}| unexpected text after the JSON value at offset 3",
            })
    void malformedTextSaysWhatAndWhere(String text, String problem) {
        assertThatThrownBy(() -> Json.read(text))
                .isExactlyInstanceOf(MalformedRequestException.class)
                .hasMessage("The request body is not valid JSON: " + problem);
    }

    @Test
    void rawControlCharacterInAStringIsRefused() {
        for (char c = 0; c < 0x20; c++) {
            String text = "[\"a" + c + "\"]";
            assertThatThrownBy(() -> Json.read(text))
                    .isExactlyInstanceOf(MalformedRequestException.class)
                    .hasMessage(
                            "The request body is not valid JSON: unescaped control character in"
                                    + " a string at offset 3");
        }
        assertThat(Json.read("\"\u007f\"")).isEqualTo("\u007f");
    }

    @Test
    void nestingBeyond64LevelsIsRefused() {
        assertThatThrownBy(() -> Json.read("[".repeat(65) + "]".repeat(65)))
                .isExactlyInstanceOf(MalformedRequestException.class)
                .hasMessage(
                        "The request body is not valid JSON: nested deeper than 64 levels at"
                                + " offset 64");
        assertThatThrownBy(() -> Json.read("{\"a\":".repeat(100_000)))
                .isExactlyInstanceOf(MalformedRequestException.class)
                .hasMessage(
                        "The request body is not valid JSON: nested deeper than 64 levels at"
                                + " offset 320");
    }

    @Test
    void numberLongerThan64CharactersIsRefused() {
        assertThatThrownBy(() -> Json.read("[" + "1".repeat(65) + "]"))
                .isExactlyInstanceOf(MalformedRequestException.class)
                .hasMessage("The request body is not valid JSON: number too long at offset 1");
    }

    /**
     * An exponent beyond int range makes {@code new BigDecimal} throw NumberFormatException, which
     * escapes {@code Json.read} instead of becoming a MalformedRequestException.
     */
    @ParameterizedTest
    @CsvSource({"1e99999999999", "1e2147483648", "1e-2147483649", "0.1e-2147483647"})
    void exponentBeyondIntRangeIsRefusedAsMalformed(String number) {
        assertThatThrownBy(() -> Json.read(number))
                .isExactlyInstanceOf(MalformedRequestException.class)
                .hasMessage("The request body is not valid JSON: number out of range at offset 0");
    }

    @Test
    void writesEscapesForQuotesBackslashesAndControlCharacters() {
        StringBuilder out = new StringBuilder();
        Json.writeString(out, "a\"b\\c\nd\re\tf\bg\fh\u0000i\u001fj\u007fk/");

        assertThat(out)
                .hasToString("\"a\\\"b\\\\c\\nd\\re\\tf\\u0008g\\u000ch\\u0000i\\u001fj\u007fk/\"");
    }

    @Test
    void writesNonAsciiAsIs() {
        StringBuilder out = new StringBuilder("x:");
        Json.writeString(out, "é ✓ 😀 \u2028");

        assertThat(out).hasToString("x:\"é ✓ 😀 \u2028\"");
    }

    @Test
    void everyCharacterRoundTrips() {
        char[] all = new char[0x800];
        for (int i = 0; i < all.length; i++) {
            all[i] = (char) i;
        }
        String text = new String(all) + "😀\uFFFF";
        StringBuilder out = new StringBuilder();
        Json.writeString(out, text);

        assertThat(Json.read(out.toString())).isEqualTo(text);
        assertThat(out.chars().filter(c -> c < 0x20)).isEmpty();
    }

    /**
     * A lone surrogate (which a {@code \\ud800} escape in a request produces) cannot be encoded in
     * UTF-8; written raw, it turns into {@code ?} on the wire. Escaped, it survives.
     */
    @Test
    void loneSurrogateSurvivesTheTripThroughUtf8() {
        String text = "a\uD800b\uDC00c";
        StringBuilder out = new StringBuilder();
        Json.writeString(out, text);

        String onTheWire =
                new String(out.toString().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);

        assertThat(Json.read(onTheWire)).isEqualTo(text);
    }

    @Test
    void writtenEmptyStringReadsBack() {
        StringBuilder out = new StringBuilder();
        Json.writeString(out, "");
        assertThat(out).hasToString("\"\"");
        assertThat(Json.read(out.toString())).isEqualTo("");
    }

    @Test
    void answerErrorBodyIsEscapedJson() {
        Answer answer =
                Answer.error("Op", null, 400, "InvalidInputException", "bad \"x\"\\\n" + "é");

        assertThat(answer.body())
                .isEqualTo(
                        "{\"__type\":\"InvalidInputException\",\"message\":\"bad \\\"x\\\"\\\\\\n"
                                + "é\"}");
        assertThat(Json.read(answer.body()))
                .isEqualTo(
                        Map.of(
                                "__type",
                                "InvalidInputException",
                                "message",
                                "bad \"x\"\\\n" + "é"));
        assertThat(Arrays.asList(answer.statusCode(), answer.errorCode(), answer.operation()))
                .containsExactly(400, "InvalidInputException", "Op");
    }
}
