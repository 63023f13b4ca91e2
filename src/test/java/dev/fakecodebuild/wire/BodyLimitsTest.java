package dev.fakecodebuild.wire;

import static dev.fakecodebuild.wire.Wire.CONTENT_TYPE;
import static dev.fakecodebuild.wire.Wire.LIST;
import static dev.fakecodebuild.wire.Wire.TIMEOUT;
import static dev.fakecodebuild.wire.Wire.assertAnswer;
import static dev.fakecodebuild.wire.Wire.assertRequestId;
import static dev.fakecodebuild.wire.Wire.send;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakecodebuild.FakeCodeBuild;
import dev.fakecodebuild.FakeCodeBuildState;
import dev.fakecodebuild.wire.RawHttpConnection.Response;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bodies at the edges: the 16 MiB limit, and bytes that are not UTF-8. */
@FakeCodeBuild
class BodyLimitsTest {

    private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    @BeforeEach
    void seed(FakeCodeBuildState state) {
        state.addProject("web-app");
    }

    @Test
    void bodyOfExactly16MibIsServed(FakeCodeBuildState state) {
        byte[] json = "{\"projectName\":\"web-app\"}".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[MAX_BODY_BYTES];
        Arrays.fill(body, (byte) ' ');
        System.arraycopy(json, 0, body, 0, json.length);

        var response =
                send(
                        HttpRequest.newBuilder(state.endpoint().resolve("/"))
                                .timeout(TIMEOUT)
                                .header("Content-Type", CONTENT_TYPE)
                                .header("X-Amz-Target", LIST)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build());

        assertAnswer(response, 200, "{\"ids\":[]}");
        assertThat(state.calls())
                .singleElement()
                .satisfies(c -> assertThat(c.body()).hasSize(MAX_BODY_BYTES));
    }

    /** A body over the limit gets 413 in CodeBuild's error form, is recorded, and closes. */
    @Test
    void declaredBodyOverTheLimitGetsAJson413(FakeCodeBuildState state) {
        try (var connection = new RawHttpConnection(state.endpoint())) {
            int port = state.endpoint().getPort();
            connection.write(
                    "POST / HTTP/1.1\r\nHost: 127.0.0.1:"
                            + port
                            + "\r\nContent-Type: application/x-amz-json-1.1\r\nX-Amz-Target: "
                            + LIST
                            + "\r\nContent-Length: "
                            + (MAX_BODY_BYTES + 1)
                            + "\r\n\r\n{");

            Response response = connection.read();

            assertThat(response.status()).as(response.toString()).isEqualTo(413);
            assertThat(response.header("content-type")).isEqualTo(CONTENT_TYPE);
            assertThat(response.header("x-amzn-requestid")).isNotNull();
            assertThat(response.body())
                    .isEqualTo(
                            "{\"__type\":\"SerializationException\",\"message\":\"The request"
                                    + " body is larger than 16 MiB, the most fake-codebuild"
                                    + " accepts\"}");
            assertThat(response.header("connection")).isEqualTo("close");
        }
        assertThat(state.calls())
                .singleElement()
                .satisfies(
                        call -> {
                            assertThat(call.operation()).isEqualTo("ListBuildBatchesForProject");
                            assertThat(call.statusCode()).isEqualTo(413);
                            assertThat(call.errorCode()).contains("SerializationException");
                            assertThat(call.body()).isEmpty();
                        });
    }

    /** A JSON text is UTF-8 (RFC 8259); bytes that are not UTF-8 are not a JSON body. */
    @Test
    void bodyThatIsNotUtf8IsASerializationException(FakeCodeBuildState state) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("{\"projectName\":\"web-app".getBytes(StandardCharsets.UTF_8));
        body.write(0xFF);
        body.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));

        var response =
                send(
                        HttpRequest.newBuilder(state.endpoint().resolve("/"))
                                .timeout(TIMEOUT)
                                .header("Content-Type", CONTENT_TYPE)
                                .header("X-Amz-Target", LIST)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                                .build());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertRequestId(response);
        assertThat(response.body())
                .isEqualTo(
                        "{\"__type\":\"SerializationException\",\"message\":\"The request body"
                                + " is not valid UTF-8\"}");
        assertThat(state.calls())
                .singleElement()
                .satisfies(c -> assertThat(c.errorCode()).contains("SerializationException"));
    }

    @Test
    void nonAsciiUtf8IsDecodedAndEchoedInMessages(FakeCodeBuildState state) {
        String body = "{\"projectName\":\"w\u00e9b-\u2713\"}";

        var response =
                send(
                        HttpRequest.newBuilder(state.endpoint().resolve("/"))
                                .timeout(TIMEOUT)
                                .header("Content-Type", CONTENT_TYPE)
                                .header("X-Amz-Target", LIST)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build());

        assertAnswer(
                response,
                400,
                "{\"__type\":\"ResourceNotFoundException\",\"message\":\"Project cannot be found:"
                        + " arn:aws:codebuild:us-east-1:123456789012:project/w\u00e9b-\u2713\"}");
        assertThat(state.calls())
                .singleElement()
                .satisfies(c -> assertThat(c.body()).isEqualTo(body));
    }
}
