package dev.fakecodebuild.internal.junit;

import dev.fakecodebuild.FakeCodeBuildState;
import dev.fakecodebuild.RecordedCall;
import dev.fakecodebuild.internal.model.Arns;
import dev.fakecodebuild.internal.model.CodeBuildModel;
import dev.fakecodebuild.internal.operations.Operations;
import dev.fakecodebuild.internal.server.FakeCodeBuildServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;
import software.amazon.awssdk.services.codebuild.CodeBuildAsyncClient;
import software.amazon.awssdk.services.codebuild.CodeBuildBaseClientBuilder;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.CodeBuildClientBuilder;

/**
 * Everything one fake owns at runtime: model, state and, once something needs them, the server and
 * the clients. It lives in the JUnit store of the context that owns the fake (the class carrying
 * {@code @FakeCodeBuild} or a static extension field, or a test for an instance field), and JUnit
 * closes it when that context ends: the clients first, then the server.
 */
final class FakeHolder implements AutoCloseable {

    /** The user's ~/.aws files must not change how the injected client behaves. */
    private static final ProfileFile NO_PROFILES =
            ProfileFile.builder().content("").type(ProfileFile.Type.CONFIGURATION).build();

    /** The SDK's refusals of a builder given an HTTP client and an HTTP client builder. */
    private static final List<String> BOTH_HTTP_CLIENTS =
            List.of(
                    "The httpClient and the httpClientBuilder can't both be configured.",
                    "The asyncHttpClient and the asyncHttpClientBuilder can't both be"
                            + " configured.");

    private static final String UNKNOWN_OPERATION = "UnknownOperationException";

    private final Settings settings;
    private final String owner;
    private final String ownerKind;
    private final CodeBuildModel model;
    private final Operations operations;
    private final DefaultFakeCodeBuildState state;

    /** Calls to unimplemented operations made outside any test, for the class's own check. */
    private final List<RecordedCall> unimplementedOutsideTests = new ArrayList<>();

    /** The tests and {@code @Nested} classes of this fake under way: unique id to name. */
    private final Map<String, String> running = new LinkedHashMap<>();

    private FakeCodeBuildServer server;
    private CodeBuildClient client;
    private NettyAsyncClient asyncClient;
    private volatile boolean closed;

    /**
     * @param owner the name of what owns the fake, for messages
     * @param ownerKind {@code "class"} or {@code "test"}
     */
    FakeHolder(Settings settings, String owner, String ownerKind) {
        this.settings = settings;
        this.owner = owner;
        this.ownerKind = ownerKind;
        this.model =
                new CodeBuildModel(
                        new Arns(settings.region(), settings.accountId()), settings.clock());
        this.operations = Operations.on(model);
        this.state = new DefaultFakeCodeBuildState(this);
    }

    Settings settings() {
        return settings;
    }

    /** The name of what owns the fake: a class, or a test for an instance field. */
    String owner() {
        return owner;
    }

    CodeBuildModel model() {
        return model;
    }

    Operations operations() {
        return operations;
    }

    FakeCodeBuildState state() {
        return state;
    }

    /** The server, started on first use. */
    synchronized FakeCodeBuildServer server() {
        checkOpen();
        if (server == null) {
            try {
                server = FakeCodeBuildServer.start(operations);
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "fake-codebuild could not start a server for " + owner, e);
            }
        }
        return server;
    }

    /** The server if it has started; nothing is started to answer. */
    synchronized Optional<FakeCodeBuildServer> startedServer() {
        return Optional.ofNullable(server);
    }

    synchronized CodeBuildClient client() {
        checkOpen();
        if (client == null) {
            CodeBuildClientBuilder builder =
                    CodeBuildClient.builder()
                            // No reaper: it is a JVM-wide thread the fake would leave behind.
                            .httpClientBuilder(
                                    ApacheHttpClient.builder().useIdleConnectionReaper(false));
            CodeBuildClientBuilder configured = configure(builder);
            client = build(configured::build, () -> configured.httpClientBuilder(null));
        }
        return client;
    }

    /**
     * The async client, built on first use.
     *
     * @throws ParameterResolutionException if the SDK's Netty HTTP client is not on the classpath
     */
    synchronized CodeBuildAsyncClient asyncClient() {
        checkOpen();
        if (asyncClient == null) {
            if (!nettyPresent()) {
                throw new ParameterResolutionException(
                        "A CodeBuildAsyncClient parameter needs the AWS SDK's Netty HTTP client,"
                                + " which is not on the test classpath: add the test dependency"
                                + " software.amazon.awssdk:netty-nio-client, in the version of"
                                + " the other AWS SDK modules (the AWS SDK BOM manages it)");
            }
            asyncClient = NettyAsyncClient.start(this);
        }
        return asyncClient.client();
    }

    /** Netty is optional: NettyAsyncClient, which names it, must not load without it. */
    private static boolean nettyPresent() {
        try {
            Class.forName(
                    "software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient",
                    false,
                    FakeHolder.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * Build a client whose builder was given the fake's HTTP client builder. A customizer that set
     * an HTTP client of its own makes the SDK refuse to build, as it will not choose between the
     * two; the customizer's wins, as what it sets always does.
     *
     * @param build builds the client
     * @param dropFakesHttpClient takes the fake's HTTP client builder off the client builder
     */
    static <C> C build(Supplier<C> build, Runnable dropFakesHttpClient) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            if (e.getMessage() == null || !BOTH_HTTP_CLIENTS.contains(e.getMessage())) {
                throw e;
            }
            dropFakesHttpClient.run();
            return build.get();
        }
    }

    /**
     * Point a client builder at the fake, let the test's customizer change it, then put back what
     * the customizer's own override configuration left out.
     */
    <B extends CodeBuildBaseClientBuilder<B, ?>> B configure(B builder) {
        builder.region(settings.region())
                .endpointOverride(server().endpoint())
                .credentialsProvider(
                        StaticCredentialsProvider.create(
                                AwsBasicCredentials.create(
                                        "fake-access-key-id", "fake-secret-access-key")))
                .overrideConfiguration(c -> {});
        settings.clientCustomizer().accept(builder);
        ClientOverrideConfiguration chosen = builder.overrideConfiguration();
        ClientOverrideConfiguration.Builder completed = chosen.toBuilder();
        if (chosen.retryStrategy().isEmpty()
                && chosen.retryPolicy().isEmpty()
                && chosen.retryMode().isEmpty()
                && chosen.retryStrategyConfigurator().isEmpty()
                && !profileSetsRetries(chosen)) {
            completed.retryStrategy(AwsRetryStrategy.doNotRetry());
        }
        if (chosen.defaultProfileFile().isEmpty()
                && chosen.defaultProfileFileSupplier().isEmpty()) {
            completed.defaultProfileFile(NO_PROFILES);
        }
        if (chosen.defaultProfileName().isEmpty()) {
            completed.defaultProfileName("default");
        }
        return builder.overrideConfiguration(completed.build());
    }

    /**
     * Whether the customizer gave a profile file whose profile sets {@code retry_mode}: the SDK
     * reads the retry mode from there, and the customizer chose that file.
     */
    private static boolean profileSetsRetries(ClientOverrideConfiguration chosen) {
        Optional<ProfileFile> file =
                chosen.defaultProfileFile()
                        .or(() -> chosen.defaultProfileFileSupplier().map(Supplier::get));
        String name = chosen.defaultProfileName().orElse("default");
        return file.flatMap(f -> f.profile(name))
                .flatMap(profile -> profile.property(ProfileProperty.RETRY_MODE))
                .isPresent();
    }

    /**
     * Note that a test, or a {@code @Nested} class sharing this fake, begins.
     *
     * @param uniqueId its JUnit unique id
     * @param name its name, for messages
     * @return the name of one already running that does not enclose it, if there is one: the fake
     *     cannot serve both at once
     */
    synchronized Optional<String> begin(String uniqueId, String name) {
        for (Map.Entry<String, String> entry : running.entrySet()) {
            if (!uniqueId.startsWith(entry.getKey() + "/")) {
                return Optional.of(entry.getValue());
            }
        }
        running.put(uniqueId, name);
        return Optional.empty();
    }

    /** Note that what began with this unique id has ended. */
    synchronized void end(String uniqueId) {
        running.remove(uniqueId);
    }

    /** Keep the calls to unimplemented operations among these, made outside any test. */
    synchronized void noteOutsideTests(List<RecordedCall> calls) {
        unimplementedOutsideTests.addAll(unimplemented(calls));
    }

    synchronized List<RecordedCall> unimplementedOutsideTests() {
        return List.copyOf(unimplementedOutsideTests);
    }

    /**
     * The calls among these that named an operation CodeBuild has and the fake does not, and were
     * answered as such (a fault the test set answers instead).
     */
    List<RecordedCall> unimplemented(List<RecordedCall> calls) {
        return calls.stream()
                .filter(call -> call.errorCode().filter(UNKNOWN_OPERATION::equals).isPresent())
                .filter(call -> operations.requestBuilder(call.operation()).isPresent())
                .filter(call -> operations.implemented(call.operation()).isEmpty())
                .toList();
    }

    void checkOpen() {
        if (closed) {
            throw new IllegalStateException(
                    "The fake CodeBuild of "
                            + owner
                            + " has stopped: its "
                            + ownerKind
                            + " has finished, so its state and client can no longer be used");
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        try {
            if (asyncClient != null) {
                asyncClient.close();
            }
        } finally {
            closeClientAndServer();
        }
    }

    private void closeClientAndServer() {
        try {
            if (client != null) {
                client.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }
}
