package dev.fakecodebuild.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakecodebuild.Fault;
import dev.fakecodebuild.internal.operations.Operations;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A server that stops while a delayed answer waits stops at once: the timer goes with the
 * connection, and the caller sees the connection close.
 */
class DelayedAnswerTest {

    private static final long BOUND_SECONDS = 10;

    @Test
    void closingTheServerWhileADelayedAnswerWaitsNeitherHangsNorAnswers() throws Exception {
        FakeCodeBuildServer server = FakeCodeBuildServer.start(Operations.of());
        server.faults().failNext("ListProjects", 1, Fault.delay(Duration.ofMinutes(5)));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        CompletableFuture<HttpResponse<String>> delayed =
                client.sendAsync(
                        listProjects(server.endpoint()), HttpResponse.BodyHandlers.ofString());
        awaitOneCall(server);

        // Throws if the server's threads are still alive after five seconds.
        server.close();

        assertThat(awaitFailure(delayed)).isInstanceOf(IOException.class);
    }

    @Test
    void aDelayedAnswerIsTheNormalAnswer() throws Exception {
        try (FakeCodeBuildServer server = FakeCodeBuildServer.start(Operations.of())) {
            server.faults().failNext("ListProjects", 1, Fault.delay(Duration.ofMillis(50)));
            HttpClient client =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

            HttpResponse<String> answer =
                    client.send(
                            listProjects(server.endpoint()), HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type"))
                    .contains("application/x-amz-json-1.1");
            assertThat(answer.body())
                    .isEqualTo(
                            "{\"__type\":\"UnknownOperationException\",\"message\":\"fake-codebuild"
                                    + " does not implement ListProjects yet; the README lists the"
                                    + " operations it serves\"}");
        }
    }

    private static HttpRequest listProjects(URI endpoint) {
        return HttpRequest.newBuilder(endpoint)
                .header("X-Amz-Target", "CodeBuild_20161006.ListProjects")
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build();
    }

    private static void awaitOneCall(FakeCodeBuildServer server) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOUND_SECONDS);
        while (server.journal().snapshot().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(server.journal().snapshot()).hasSize(1);
    }

    private static Throwable awaitFailure(CompletableFuture<?> future) throws Exception {
        try {
            future.get(BOUND_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("the delayed call was answered although the server stopped");
    }
}
