package dev.fakecodebuild.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakecodebuild.RecordedCall;
import dev.fakecodebuild.internal.operations.Operation;
import dev.fakecodebuild.internal.operations.Operations;
import dev.fakecodebuild.internal.operations.ServiceException;
import dev.fakecodebuild.wire.RawHttpConnection;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codebuild.model.CodeBuildResponse;
import software.amazon.awssdk.services.codebuild.model.ListBuildBatchesForProjectRequest;
import software.amazon.awssdk.services.codebuild.model.ListBuildBatchesForProjectResponse;

/** A bug inside an operation is answered as 500 InternalFailure and the server keeps serving. */
class InternalFailureTest {

    private static final String TARGET = "CodeBuild_20161006.ListBuildBatchesForProject";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final HttpClient CLIENT =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(TIMEOUT)
                    .build();

    /** A ListBuildBatchesForProject whose behaviour the test chooses per project name. */
    static final class Scripted extends Operation<ListBuildBatchesForProjectRequest> {

        private final Function<String, CodeBuildResponse> behaviour;

        Scripted(Function<String, CodeBuildResponse> behaviour) {
            super(
                    "ListBuildBatchesForProject",
                    ListBuildBatchesForProjectRequest.class,
                    ListBuildBatchesForProjectRequest::builder);
            this.behaviour = behaviour;
        }

        @Override
        protected CodeBuildResponse handle(ListBuildBatchesForProjectRequest request) {
            return behaviour.apply(request.projectName());
        }
    }

    private static CodeBuildResponse explodeOn(String projectName) {
        if (projectName.equals("explode")) {
            throw new IllegalStateException("boom \"quoted\"");
        }
        if (projectName.equals("assert")) {
            throw new AssertionError("an Error, not a RuntimeException");
        }
        if (projectName.equals("overflow")) {
            return recurse(0);
        }
        if (projectName.equals("null")) {
            return null;
        }
        if (projectName.equals("throttle")) {
            throw new ServiceException(429, "ThrottlingException", "Rate exceeded");
        }
        return ListBuildBatchesForProjectResponse.builder().ids(projectName + ":1").build();
    }

    private static CodeBuildResponse recurse(int depth) {
        return depth < Integer.MAX_VALUE ? recurse(depth + 1) : null;
    }

    private static FakeCodeBuildServer start() throws IOException {
        return FakeCodeBuildServer.start(
                Operations.of(new Scripted(InternalFailureTest::explodeOn)));
    }

    @Test
    void runtimeExceptionIsInternalFailureAndTheServerKeepsServing() throws Exception {
        try (FakeCodeBuildServer server = start()) {
            HttpResponse<String> failure = post(server.endpoint(), "{\"projectName\":\"explode\"}");

            assertThat(failure.statusCode()).isEqualTo(500);
            assertThat(failure.headers().firstValue("Content-Type"))
                    .contains("application/x-amz-json-1.1");
            assertRequestId(failure);
            assertThat(failure.body())
                    .startsWith(
                            "{\"__type\":\"InternalFailure\",\"message\":\"fake-codebuild failed"
                                    + " while serving ListBuildBatchesForProject:"
                                    + " java.lang.IllegalStateException: boom \\\"quoted\\\" at"
                                    + " dev.fakecodebuild.internal.server.InternalFailureTest"
                                    + ".explodeOn(InternalFailureTest.java:")
                    .endsWith(
                            "). This is a bug in fake-codebuild; please report it with this"
                                    + " message\"}");

            HttpResponse<String> next = post(server.endpoint(), "{\"projectName\":\"fine\"}");

            assertThat(next.statusCode()).isEqualTo(200);
            assertThat(next.body()).isEqualTo("{\"ids\":[\"fine:1\"]}");
            assertThat(server.journal().snapshot())
                    .extracting(
                            RecordedCall::operation,
                            RecordedCall::statusCode,
                            c -> c.errorCode().orElse(null))
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(
                                    "ListBuildBatchesForProject", 500, "InternalFailure"),
                            org.assertj.core.groups.Tuple.tuple(
                                    "ListBuildBatchesForProject", 200, null));
            assertThat(server.journal().snapshot().get(0).request())
                    .contains(
                            ListBuildBatchesForProjectRequest.builder()
                                    .projectName("explode")
                                    .build());
        }
    }

    @Test
    void sameConnectionServesAfterAnInternalFailure() throws Exception {
        try (FakeCodeBuildServer server = start();
                var connection = new RawHttpConnection(server.endpoint())) {
            var failure = connection.exchange("POST", "/", TARGET, "{\"projectName\":\"explode\"}");
            var next = connection.exchange("POST", "/", TARGET, "{\"projectName\":\"fine\"}");

            assertThat(failure.status()).isEqualTo(500);
            assertThat(failure.body()).startsWith("{\"__type\":\"InternalFailure\",");
            assertThat(next.status()).isEqualTo(200);
            assertThat(next.body()).isEqualTo("{\"ids\":[\"fine:1\"]}");
        }
    }

    @Test
    void operationReturningNullIsInternalFailure() throws Exception {
        try (FakeCodeBuildServer server = start()) {
            HttpResponse<String> failure = post(server.endpoint(), "{\"projectName\":\"null\"}");

            assertThat(failure.statusCode()).isEqualTo(500);
            assertThat(failure.body())
                    .startsWith(
                            "{\"__type\":\"InternalFailure\",\"message\":\"fake-codebuild failed"
                                    + " while serving ListBuildBatchesForProject:"
                                    + " java.lang.NullPointerException")
                    .contains("This is a bug in fake-codebuild");
            assertThat(post(server.endpoint(), "{\"projectName\":\"fine\"}").statusCode())
                    .isEqualTo(200);
        }
    }

    /**
     * An Error thrown by an operation (an assertion in fake code, a runaway recursion) is a bug
     * inside an operation too, and should get the same InternalFailure answer and be recorded.
     */
    @Test
    void errorIsInternalFailureAndRecorded() throws Exception {
        try (FakeCodeBuildServer server = start()) {
            HttpResponse<String> failure = post(server.endpoint(), "{\"projectName\":\"assert\"}");

            assertThat(failure.statusCode()).isEqualTo(500);
            assertThat(failure.headers().firstValue("Content-Type"))
                    .contains("application/x-amz-json-1.1");
            assertThat(failure.body())
                    .startsWith(
                            "{\"__type\":\"InternalFailure\",\"message\":\"fake-codebuild failed"
                                    + " while serving ListBuildBatchesForProject:"
                                    + " java.lang.AssertionError: an Error, not a RuntimeException")
                    .contains("This is a bug in fake-codebuild");
            assertThat(server.journal().snapshot())
                    .singleElement()
                    .extracting(RecordedCall::statusCode)
                    .isEqualTo(500);
            assertThat(post(server.endpoint(), "{\"projectName\":\"fine\"}").statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void stackOverflowInAnOperationIsInternalFailure() throws Exception {
        try (FakeCodeBuildServer server = start()) {
            HttpResponse<String> failure =
                    post(server.endpoint(), "{\"projectName\":\"overflow\"}");

            assertThat(failure.statusCode()).isEqualTo(500);
            assertThat(failure.body())
                    .startsWith(
                            "{\"__type\":\"InternalFailure\",\"message\":\"fake-codebuild failed"
                                    + " while serving ListBuildBatchesForProject:"
                                    + " java.lang.StackOverflowError");
            assertThat(post(server.endpoint(), "{\"projectName\":\"fine\"}").statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void serviceExceptionKeepsItsStatusAndCode() throws Exception {
        try (FakeCodeBuildServer server = start()) {
            HttpResponse<String> response =
                    post(server.endpoint(), "{\"projectName\":\"throttle\"}");

            assertThat(response.statusCode()).isEqualTo(429);
            assertThat(response.body())
                    .isEqualTo(
                            "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}");
            assertThat(server.journal().snapshot().get(0).errorCode())
                    .contains("ThrottlingException");
        }
    }

    @Test
    void closedServerReleasesItsPort() throws Exception {
        URI endpoint;
        try (FakeCodeBuildServer server = start()) {
            endpoint = server.endpoint();
            assertThat(post(endpoint, "{\"projectName\":\"fine\"}").statusCode()).isEqualTo(200);
        }
        try (var socket = new java.net.ServerSocket()) {
            socket.bind(
                    new java.net.InetSocketAddress(
                            java.net.InetAddress.getByAddress(new byte[] {127, 0, 0, 1}),
                            endpoint.getPort()));
            assertThat(socket.getLocalPort()).isEqualTo(endpoint.getPort());
        }
    }

    private static HttpResponse<String> post(URI endpoint, String body) throws Exception {
        return CLIENT.send(
                HttpRequest.newBuilder(endpoint.resolve("/"))
                        .timeout(TIMEOUT)
                        .header("Content-Type", "application/x-amz-json-1.1")
                        .header("X-Amz-Target", TARGET)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void assertRequestId(HttpResponse<String> response) {
        String id = response.headers().firstValue("x-amzn-RequestId").orElseThrow();
        assertThat(UUID.fromString(id).toString()).isEqualTo(id);
    }
}
