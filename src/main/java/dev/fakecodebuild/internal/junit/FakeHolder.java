package dev.fakecodebuild.internal.junit;

import dev.fakecodebuild.FakeCodeBuildState;
import dev.fakecodebuild.internal.model.Arns;
import dev.fakecodebuild.internal.model.CodeBuildModel;
import dev.fakecodebuild.internal.operations.Operations;
import dev.fakecodebuild.internal.server.FakeCodeBuildServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;

/**
 * Everything one fake owns at runtime: model, server, state and, once a test asks for it, the
 * client. It lives in the JUnit store of the class that carries {@code @FakeCodeBuild}, and JUnit
 * closes it when that class ends: the client first, then the server.
 */
final class FakeHolder implements AutoCloseable {

    /** The user's ~/.aws files must not change how the injected client behaves. */
    private static final ProfileFile NO_PROFILES =
            ProfileFile.builder().content("").type(ProfileFile.Type.CONFIGURATION).build();

    private final Settings settings;
    private final String owner;
    private final CodeBuildModel model;
    private final FakeCodeBuildServer server;
    private final DefaultFakeCodeBuildState state;
    private CodeBuildClient client;
    private volatile boolean closed;

    FakeHolder(Settings settings, Class<?> ownerClass) {
        this.settings = settings;
        this.owner = ownerClass.getName();
        this.model =
                new CodeBuildModel(
                        new Arns(settings.region(), settings.accountId()), Clock.systemUTC());
        try {
            this.server = FakeCodeBuildServer.start(Operations.on(model));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "fake-codebuild could not start a server for " + owner, e);
        }
        this.state = new DefaultFakeCodeBuildState(this);
    }

    /** The name of the class that carries {@code @FakeCodeBuild}, for messages. */
    String owner() {
        return owner;
    }

    Settings settings() {
        return settings;
    }

    CodeBuildModel model() {
        return model;
    }

    FakeCodeBuildServer server() {
        return server;
    }

    FakeCodeBuildState state() {
        return state;
    }

    synchronized CodeBuildClient client() {
        checkOpen();
        if (client == null) {
            client =
                    CodeBuildClient.builder()
                            .region(settings.region())
                            .endpointOverride(server.endpoint())
                            .credentialsProvider(
                                    StaticCredentialsProvider.create(
                                            AwsBasicCredentials.create(
                                                    "fake-access-key-id",
                                                    "fake-secret-access-key")))
                            // No reaper: it is a JVM-wide thread the fake would leave behind.
                            .httpClientBuilder(
                                    ApacheHttpClient.builder().useIdleConnectionReaper(false))
                            .overrideConfiguration(
                                    c ->
                                            c.retryStrategy(AwsRetryStrategy.doNotRetry())
                                                    .defaultProfileFile(NO_PROFILES)
                                                    .defaultProfileName("default"))
                            .build();
        }
        return client;
    }

    void checkOpen() {
        if (closed) {
            throw new IllegalStateException(
                    "The fake CodeBuild of "
                            + owner
                            + " has stopped: its class has finished,"
                            + " so its state and client can no longer be used");
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        try {
            if (client != null) {
                client.close();
            }
        } finally {
            server.close();
        }
    }
}
