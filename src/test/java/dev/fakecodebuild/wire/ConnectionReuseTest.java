package dev.fakecodebuild.wire;

import static dev.fakecodebuild.wire.Wire.CONTENT_TYPE;
import static dev.fakecodebuild.wire.Wire.LIST;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakecodebuild.FakeCodeBuild;
import dev.fakecodebuild.FakeCodeBuildState;
import dev.fakecodebuild.RecordedCall;
import dev.fakecodebuild.Strictness;
import dev.fakecodebuild.wire.RawHttpConnection.Response;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.codebuild.model.BuildBatch;
import software.amazon.awssdk.services.codebuild.model.StatusType;

/** After every error the same keep-alive connection serves the next request. */
// These tests call operations the fake does not implement on purpose.
@FakeCodeBuild(strictness = Strictness.LENIENT)
class ConnectionReuseTest {

    private static final String VALID = "{\"projectName\":\"web-app\"}";

    private String ok;

    @BeforeEach
    void seed(FakeCodeBuildState state) {
        state.addProject("web-app");
        BuildBatch batch = state.addBuildBatch("web-app", StatusType.SUCCEEDED);
        ok = "{\"ids\":[\"" + batch.id() + "\"]}";
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("POST", "/", LIST, "{\"projectName\":", 400, "SerializationException"),
                Arguments.of("POST", "/", LIST, "[1,2,3]", 400, "SerializationException"),
                Arguments.of(
                        "POST",
                        "/",
                        LIST,
                        "{\"projectName\":\"web-app\",\"maxResults\":\"ten\"}",
                        400,
                        "SerializationException"),
                Arguments.of("GET", "/", LIST, "", 405, "UnknownOperationException"),
                Arguments.of("DELETE", "/", LIST, VALID, 405, "UnknownOperationException"),
                Arguments.of("POST", "/foo", LIST, VALID, 404, "UnknownOperationException"),
                Arguments.of("POST", "/", null, VALID, 400, "UnknownOperationException"),
                Arguments.of(
                        "POST",
                        "/",
                        "CodeBuild_20161006.BatchGetReports",
                        "{\"reportArns\":[\"arn:report:1\"]}",
                        400,
                        "UnknownOperationException"),
                Arguments.of(
                        "POST",
                        "/",
                        "CodeBuild_20161006.Frobnicate",
                        "{}",
                        400,
                        "UnknownOperationException"),
                Arguments.of(
                        "POST", "/", LIST, "{\"projectName\":\"\"}", 400, "InvalidInputException"),
                Arguments.of(
                        "POST",
                        "/",
                        LIST,
                        "{\"projectName\":\"web-app\",\"sortOrder\":\"SIDEWAYS\"}",
                        400,
                        "InvalidInputException"),
                Arguments.of(
                        "POST",
                        "/",
                        LIST,
                        "{\"projectName\":\"nope\"}",
                        400,
                        "ResourceNotFoundException"),
                Arguments.of(
                        "POST",
                        "/",
                        LIST,
                        "{\"projectName\":\"web-app\",\"maxResults\":1e99999999999}",
                        400,
                        "SerializationException"));
    }

    @ParameterizedTest(name = "{0} {1} {2} {3} -> {4} {5}")
    @MethodSource("errors")
    void connectionServesTheNextRequestAfterAnError(
            String method,
            String path,
            String target,
            String body,
            int status,
            String errorCode,
            FakeCodeBuildState state) {
        try (var connection = new RawHttpConnection(state.endpoint())) {
            Response error = connection.exchange(method, path, target, body);

            assertThat(error.status()).as(error.body()).isEqualTo(status);
            assertThat(error.header("content-type")).isEqualTo(CONTENT_TYPE);
            assertThat(error.body()).startsWith("{\"__type\":\"" + errorCode + "\",\"message\":\"");
            assertFramedByContentLength(error);
            assertThat(error.header("connection")).isNotEqualToIgnoringCase("close");

            Response next = connection.exchange("POST", "/", LIST, VALID);

            assertThat(next.status()).as(next.body()).isEqualTo(200);
            assertThat(next.body()).isEqualTo(ok);
            assertThat(next.header("x-amzn-requestid"))
                    .isNotEqualTo(error.header("x-amzn-requestid"));
        }
        assertThat(state.calls()).extracting(RecordedCall::statusCode).containsExactly(status, 200);
    }

    @Test
    void manyRequestsShareOneConnection(FakeCodeBuildState state) {
        try (var connection = new RawHttpConnection(state.endpoint())) {
            for (int i = 0; i < 20; i++) {
                Response response =
                        i % 2 == 0
                                ? connection.exchange("POST", "/", LIST, VALID)
                                : connection.exchange("POST", "/", LIST, "{");
                assertThat(response.status()).isEqualTo(i % 2 == 0 ? 200 : 400);
            }
        }
        assertThat(state.calls()).hasSize(20);
    }

    @Test
    void twoPipelinedRequestsInOneWriteAreBothAnsweredInOrder(FakeCodeBuildState state) {
        try (var connection = new RawHttpConnection(state.endpoint())) {
            connection.write(
                    connection.request("POST", "/", LIST, "{\"projectName\":")
                            + connection.request("POST", "/", LIST, VALID));

            Response first = connection.read();
            Response second = connection.read();

            assertThat(first.status()).isEqualTo(400);
            assertThat(first.body())
                    .isEqualTo(
                            "{\"__type\":\"SerializationException\",\"message\":\"The request body"
                                    + " is not valid JSON: unexpected end of the body at offset"
                                    + " 15\"}");
            assertThat(second.status()).isEqualTo(200);
            assertThat(second.body()).isEqualTo(ok);

            // and the connection still serves after the pipelined pair
            assertThat(connection.exchange("POST", "/", LIST, VALID).body()).isEqualTo(ok);
        }
        assertThat(state.calls())
                .extracting(RecordedCall::statusCode)
                .containsExactly(400, 200, 200);
    }

    @Test
    void threePipelinedValidRequestsGetThreeAnswers(FakeCodeBuildState state) {
        try (var connection = new RawHttpConnection(state.endpoint())) {
            String request = connection.request("POST", "/", LIST, VALID);
            connection.write(request + request + request);

            List<Response> responses =
                    List.of(connection.read(), connection.read(), connection.read());

            assertThat(responses).extracting(Response::status).containsExactly(200, 200, 200);
            assertThat(responses).extracting(Response::body).containsOnly(ok);
            assertThat(responses)
                    .extracting(r -> UUID.fromString(r.header("x-amzn-requestid")))
                    .doesNotHaveDuplicates();
        }
    }

    @Test
    void chunkedRequestBodyIsReadWhole(FakeCodeBuildState state) {
        try (var connection = new RawHttpConnection(state.endpoint())) {
            int port = state.endpoint().getPort();
            connection.write(
                    "POST / HTTP/1.1\r\n"
                            + "Host: 127.0.0.1:"
                            + port
                            + "\r\n"
                            + "Content-Type: application/x-amz-json-1.1\r\n"
                            + "X-Amz-Target: "
                            + LIST
                            + "\r\n"
                            + "Transfer-Encoding: chunked\r\n\r\n"
                            + "5\r\n{\"pro\r\n"
                            + "14\r\njectName\":\"web-app\"}\r\n"
                            + "0\r\n\r\n");

            Response response = connection.read();

            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(ok);
            assertThat(connection.exchange("POST", "/", LIST, "{").status()).isEqualTo(400);
            assertThat(connection.exchange("POST", "/", LIST, VALID).status()).isEqualTo(200);
        }
        assertThat(state.calls().get(0).body()).isEqualTo(VALID);
    }

    @Test
    void expectContinueOnARawSocketGets100ThenTheAnswer(FakeCodeBuildState state) {
        try (var connection = new RawHttpConnection(state.endpoint())) {
            String request = connection.request("POST", "/", LIST, VALID);
            int headersEnd = request.indexOf("\r\n\r\n");
            connection.write(request.substring(0, headersEnd) + "\r\nExpect: 100-continue\r\n\r\n");

            Response interim = connection.read();
            assertThat(interim.status()).isEqualTo(100);

            connection.write(VALID);
            Response response = connection.read();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(ok);

            assertThat(connection.exchange("POST", "/", LIST, VALID).status()).isEqualTo(200);
        }
    }

    private static void assertFramedByContentLength(Response response) {
        assertThat(response.header("content-length"))
                .isEqualTo(
                        Integer.toString(
                                response.body()
                                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)
                                        .length));
    }
}
