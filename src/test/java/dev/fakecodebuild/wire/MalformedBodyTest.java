package dev.fakecodebuild.wire;

import static dev.fakecodebuild.wire.Wire.LIST;
import static dev.fakecodebuild.wire.Wire.assertError;
import static dev.fakecodebuild.wire.Wire.assertRecorded;
import static dev.fakecodebuild.wire.Wire.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakecodebuild.FakeCodeBuild;
import dev.fakecodebuild.FakeCodeBuildState;
import dev.fakecodebuild.RecordedCall;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.codebuild.model.ListBuildBatchesForProjectRequest;
import software.amazon.awssdk.services.codebuild.model.StatusType;

/**
 * Bodies the SDK never sends: not JSON, or JSON whose values do not fit the members of {@code
 * ListBuildBatchesForProjectRequest}. Each gets 400 {@code SerializationException} with a message
 * that says what is wrong and where, is recorded without a decoded request, and changes nothing.
 */
@FakeCodeBuild
class MalformedBodyTest {

    private static final String NOT_JSON = "The request body is not valid JSON: ";

    @BeforeEach
    void seed(FakeCodeBuildState state) {
        state.addProject("web-app");
    }

    static Stream<Arguments> notJson() {
        String deep = "[".repeat(1000) + "]".repeat(1000);
        return Stream.of(
                Arguments.of(
                        "truncated after a member",
                        "{\"projectName\":\"web-app\"",
                        NOT_JSON + "unexpected end of the body at offset 24"),
                Arguments.of(
                        "truncated inside a string",
                        "{\"projectName\":\"web",
                        NOT_JSON + "unterminated string at offset 19"),
                Arguments.of(
                        "truncated after a colon",
                        "{\"projectName\":",
                        NOT_JSON + "unexpected end of the body at offset 15"),
                Arguments.of(
                        "trailing garbage",
                        "{\"projectName\":\"web-app\"} x",
                        NOT_JSON + "unexpected text after the JSON value at offset 26"),
                Arguments.of(
                        "two objects",
                        "{}{}",
                        NOT_JSON + "unexpected text after the JSON value at offset 2"),
                Arguments.of(
                        "bad escape",
                        "{\"projectName\":\"web\\qapp\"}",
                        NOT_JSON + "invalid escape '\\\\q' at offset 20"),
                Arguments.of(
                        "bad unicode escape",
                        "{\"projectName\":\"web\\u00zzapp\"}",
                        NOT_JSON + "invalid \\\\u escape at offset 21"),
                Arguments.of(
                        "raw newline inside a string",
                        "{\"projectName\":\"web\napp\"}",
                        NOT_JSON + "unescaped control character in a string at offset 19"),
                Arguments.of(
                        "unquoted member name",
                        "{projectName:\"web-app\"}",
                        NOT_JSON + "expected a member name in double quotes at offset 1"),
                Arguments.of(
                        "unquoted value",
                        "{\"projectName\":web-app}",
                        NOT_JSON + "unexpected character 'w' at offset 15"),
                Arguments.of(
                        "trailing comma",
                        "{\"projectName\":\"web-app\",}",
                        NOT_JSON + "expected a member name in double quotes at offset 25"),
                Arguments.of(
                        "missing comma",
                        "{\"projectName\":\"web-app\" \"maxResults\":1}",
                        NOT_JSON + "expected ',' but found '\\\"' at offset 25"),
                Arguments.of(
                        "single quotes",
                        "{'projectName':'web-app'}",
                        NOT_JSON + "expected a member name in double quotes at offset 1"),
                Arguments.of(
                        "a bare word",
                        "projectName=web-app",
                        NOT_JSON + "unexpected character 'p' at offset 0"),
                Arguments.of(
                        "leading zero",
                        "{\"projectName\":\"web-app\",\"maxResults\":010}",
                        NOT_JSON + "expected ',' but found '1' at offset 39"),
                Arguments.of(
                        "arrays 1000 deep at the top",
                        deep,
                        NOT_JSON + "nested deeper than 64 levels at offset 64"),
                Arguments.of(
                        "arrays 1000 deep in an unknown member",
                        "{\"projectName\":\"web-app\",\"x\":" + deep + "}",
                        NOT_JSON + "nested deeper than 64 levels at offset 92"),
                Arguments.of(
                        "a huge exponent",
                        "{\"projectName\":\"web-app\",\"maxResults\":1e999999999}",
                        NOT_JSON + "number out of range at offset 38"),
                Arguments.of(
                        "a huge negative exponent",
                        "{\"projectName\":\"web-app\",\"maxResults\":1e-999999999}",
                        NOT_JSON + "number out of range at offset 38"),
                Arguments.of(
                        "a number with 65 digits",
                        "{\"projectName\":\"web-app\",\"maxResults\":" + "9".repeat(65) + "}",
                        NOT_JSON + "number too long at offset 38"),
                Arguments.of(
                        "a JSON array instead of an object",
                        "[{\"projectName\":\"web-app\"}]",
                        "The request body must be a JSON object"),
                Arguments.of(
                        "a JSON string instead of an object",
                        "\"web-app\"",
                        "The request body must be a JSON object"),
                Arguments.of("JSON null", "null", "The request body must be a JSON object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notJson")
    void bodyThatIsNotAJsonObjectIsASerializationException(
            String description, String body, String jsonMessage, FakeCodeBuildState state) {
        var response = post(state.endpoint(), LIST, body);

        assertError(response, 400, "SerializationException", jsonMessage);
        assertRecordedWithoutRequest(state, body);
    }

    /**
     * The exponent of {@code 1e99999999999} does not fit an int, so {@code new BigDecimal} throws
     * {@link NumberFormatException}, which {@code Json.readNumber} does not turn into a
     * MalformedRequestException.
     */
    @Test
    void exponentBeyondIntIsASerializationException(FakeCodeBuildState state) {
        String body = "{\"projectName\":\"web-app\",\"maxResults\":1e99999999999}";

        var response = post(state.endpoint(), LIST, body);

        assertError(
                response,
                400,
                "SerializationException",
                NOT_JSON + "number out of range at offset 38");
        assertRecordedWithoutRequest(state, body);
    }

    static Stream<Arguments> wrongTypes() {
        String prefix = "{\"projectName\":\"web-app\",";
        return Stream.of(
                Arguments.of(
                        prefix + "\"maxResults\":\"ten\"}",
                        "Cannot read 'maxResults': expected an integer, got a string"),
                Arguments.of(
                        prefix + "\"maxResults\":1.5}",
                        "Cannot read 'maxResults': expected an integer from -2147483648 to"
                                + " 2147483647, got 1.5"),
                Arguments.of(
                        prefix + "\"maxResults\":99999999999}",
                        "Cannot read 'maxResults': expected an integer from -2147483648 to"
                                + " 2147483647, got 99999999999"),
                Arguments.of(
                        prefix + "\"maxResults\":true}",
                        "Cannot read 'maxResults': expected an integer, got true"),
                Arguments.of(
                        prefix + "\"maxResults\":[10]}",
                        "Cannot read 'maxResults': expected an integer, got an array"),
                Arguments.of(
                        prefix + "\"filter\":\"x\"}",
                        "Cannot read 'filter': expected an object, got a string"),
                Arguments.of(
                        prefix + "\"filter\":[]}",
                        "Cannot read 'filter': expected an object, got an array"),
                Arguments.of(
                        prefix + "\"filter\":{\"status\":5}}",
                        "Cannot read 'filter.status': expected a string, got a number"),
                Arguments.of(
                        prefix + "\"sortOrder\":false}",
                        "Cannot read 'sortOrder': expected a string, got false"),
                Arguments.of(
                        "{\"projectName\":{\"name\":\"web-app\"}}",
                        "Cannot read 'projectName': expected a string, got an object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongTypes")
    void memberOfTheWrongTypeIsASerializationException(
            String body, String message, FakeCodeBuildState state) {
        var response = post(state.endpoint(), LIST, body);

        assertError(response, 400, "SerializationException", message);
        assertRecordedWithoutRequest(state, body);
    }

    @Test
    void integerWrittenWithAFractionOfZeroOrAnExponentIsAccepted(FakeCodeBuildState state) {
        // 1.0 and 1e0 are the integer 1 exactly: maxResults 1 gives a one-id page.
        state.addBuildBatch("web-app", StatusType.FAILED);
        var second = state.addBuildBatch("web-app", StatusType.FAILED);

        for (String one : new String[] {"1.0", "1e0", "0.1e1"}) {
            var response =
                    post(
                            state.endpoint(),
                            LIST,
                            "{\"projectName\":\"web-app\",\"maxResults\":" + one + "}");
            assertThat(response.statusCode()).as(one).isEqualTo(200);
            assertThat(response.body()).startsWith("{\"ids\":[\"" + second.id() + "\"],");
        }
    }

    private static void assertRecordedWithoutRequest(FakeCodeBuildState state, String body) {
        assertThat(state.calls()).hasSize(1);
        RecordedCall call = state.calls().get(0);
        assertRecorded(
                call, "ListBuildBatchesForProject", LIST, body, 400, "SerializationException");
        assertThat(call.request()).isEmpty();
        assertThat(state.requests(ListBuildBatchesForProjectRequest.class)).isEmpty();
    }
}
