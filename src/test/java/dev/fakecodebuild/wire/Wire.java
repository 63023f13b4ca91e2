package dev.fakecodebuild.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakecodebuild.FakeCodeBuildState;
import dev.fakecodebuild.RecordedCall;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Raw HTTP calls to the fake with the JDK client, and the checks every answer must pass. */
final class Wire {

    static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    static final String TARGET_PREFIX = "CodeBuild_20161006.";
    static final String LIST = TARGET_PREFIX + "ListBuildBatchesForProject";
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static final HttpClient CLIENT =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(TIMEOUT)
                    .build();

    private Wire() {}

    /** POST / with the protocol's content type, the given target (if any) and body. */
    static HttpResponse<String> post(URI endpoint, String target, String body) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(endpoint.resolve("/"))
                        .timeout(TIMEOUT)
                        .header("Content-Type", CONTENT_TYPE)
                        .POST(HttpRequest.BodyPublishers.ofString(body));
        if (target != null) {
            request.header("X-Amz-Target", target);
        }
        return send(request.build());
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("HTTP call to the fake failed: " + request, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Check status, content type, request id and the exact body of an answer. */
    static void assertAnswer(HttpResponse<String> response, int status, String body) {
        assertThat(response.statusCode()).as("status of %s", response.body()).isEqualTo(status);
        assertThat(response.headers().allValues("Content-Type")).containsExactly(CONTENT_TYPE);
        assertRequestId(response);
        assertThat(response.body()).isEqualTo(body);
    }

    /** Check an error answer: status, headers and exactly {"__type":...,"message":...}. */
    static void assertError(
            HttpResponse<String> response, int status, String type, String jsonMessage) {
        assertAnswer(
                response,
                status,
                "{\"__type\":\"" + type + "\",\"message\":\"" + jsonMessage + "\"}");
    }

    static String assertRequestId(HttpResponse<String> response) {
        List<String> ids = response.headers().allValues("x-amzn-RequestId");
        assertThat(ids).as("x-amzn-RequestId").hasSize(1);
        String id = ids.get(0);
        assertThat(UUID.fromString(id).toString()).isEqualTo(id.toLowerCase(Locale.ROOT));
        return id;
    }

    /** Check what the fake recorded for a POST / call made by {@link #post}. */
    static void assertRecorded(
            RecordedCall call,
            String operation,
            String target,
            String body,
            int status,
            String errorCode) {
        assertThat(call.operation()).isEqualTo(operation);
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.path()).isEqualTo("/");
        assertThat(call.body()).isEqualTo(body);
        assertThat(call.statusCode()).isEqualTo(status);
        if (errorCode == null) {
            assertThat(call.errorCode()).isEmpty();
        } else {
            assertThat(call.errorCode()).contains(errorCode);
        }
        assertHeaderNamesLowerCase(call);
        assertThat(call.headers().get("content-type")).containsExactly(CONTENT_TYPE);
        assertThat(call.headers().get("content-length"))
                .containsExactly(
                        Integer.toString(
                                body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
        if (target == null) {
            assertThat(call.headers()).doesNotContainKey("x-amz-target");
        } else {
            assertThat(call.headers().get("x-amz-target")).containsExactly(target);
            assertThat(call.header("X-AMZ-TARGET")).contains(target);
        }
    }

    /**
     * Send a body to an operation and check that it is refused as {@code InvalidInputException}
     * with the given message, and recorded so, as the test's only call.
     */
    static void assertInvalidInput(
            FakeCodeBuildState state, String operation, String body, String jsonMessage) {
        String target = TARGET_PREFIX + operation;

        var response = post(state.endpoint(), target, body);

        assertError(response, 400, "InvalidInputException", jsonMessage);
        assertThat(state.calls()).hasSize(1);
        assertRecorded(state.calls().get(0), operation, target, body, 400, "InvalidInputException");
    }

    static void assertHeaderNamesLowerCase(RecordedCall call) {
        assertThat(call.headers().keySet())
                .isNotEmpty()
                .allSatisfy(name -> assertThat(name).isEqualTo(name.toLowerCase(Locale.ROOT)));
        assertThat(call.headers()).containsKey("host");
    }
}
