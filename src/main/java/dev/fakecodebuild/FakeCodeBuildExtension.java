package dev.fakecodebuild;

import dev.fakecodebuild.internal.junit.Configuration;
import dev.fakecodebuild.internal.junit.ExtensionCore;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;
import software.amazon.awssdk.services.codebuild.CodeBuildBaseClientBuilder;

/**
 * {@code FakeCodeBuildExtension} is the JUnit extension behind {@link FakeCodeBuild}, and the way
 * to configure a fake in code.
 *
 * <p>Register one in a static field to get what the annotation gives, plus settings an annotation
 * cannot hold:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final FakeCodeBuildExtension fake =
 *         FakeCodeBuildExtension.builder()
 *                 .region("eu-west-1")
 *                 .clock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC))
 *                 .customizeClients(client -> client.overrideConfiguration(
 *                         c -> c.retryStrategy(AwsRetryStrategy.standardRetryStrategy())))
 *                 .build();
 * }</pre>
 *
 * <p>A static field gives one fake to the class, shared by its tests and its {@code @Nested}
 * classes, with the state scopes described on {@link FakeCodeBuild}; each subclass gets its own. An
 * instance (non-static) field gives each test method a fake of its own, started for that test and
 * stopped after it. Parameters are resolved as for the annotation.
 *
 * <p>A class gets one fake: a class (or a class enclosing it) that has {@code @FakeCodeBuild} and
 * registers this extension in a field, or registers it in two fields, fails with an {@link
 * org.junit.jupiter.api.extension.ExtensionConfigurationException ExtensionConfigurationException}
 * saying so. Registering the extension with {@code @ExtendWith} alone fails the same way: use the
 * annotation.
 *
 * <h2>Parallel execution</h2>
 *
 * <p>The annotation makes the methods of its class run one at a time, through a resource lock. A
 * field cannot add a lock, so the methods of a class whose static field holds the extension must
 * not run concurrently, nor may its {@code @Nested} classes: annotate the class with
 * {@code @Execution(ExecutionMode.SAME_THREAD)}, or use an instance field. A test or
 * {@code @Nested} class that begins while another test or {@code @Nested} class of the same fake is
 * running (one that does not enclose it) fails with an {@code ExtensionConfigurationException} that
 * says so, rather than mixing their state.
 *
 * <h2>Finding the fake from another extension</h2>
 *
 * <p>The {@link FakeCodeBuildState} of the fake that serves a test is kept in the extension store
 * under {@link #NAMESPACE} and the key {@code FakeCodeBuildState.class}, in the context of the
 * class that owns the fake (or of the test, for an instance field), and so is visible from every
 * context below it. Another extension can wire its own clients to the fake without a parameter:
 *
 * <pre>{@code
 * FakeCodeBuildState state = context.getStore(FakeCodeBuildExtension.NAMESPACE)
 *         .get(FakeCodeBuildState.class, FakeCodeBuildState.class);
 * URI endpoint = state.endpoint();
 * }</pre>
 *
 * <p>It is there from the start of the owning class's {@code beforeAll} callbacks (for an instance
 * field, the test's {@code beforeEach} callbacks), so an extension registered after this one finds
 * it in its own callbacks of the same kind. The server starts on first use.
 *
 * @see FakeCodeBuild
 * @since 0.1.0
 */
public final class FakeCodeBuildExtension
        implements BeforeAllCallback,
                AfterAllCallback,
                BeforeEachCallback,
                AfterEachCallback,
                TestInstancePreConstructCallback,
                ParameterResolver {

    /** The namespace under which the fake's {@link FakeCodeBuildState} is stored. */
    public static final Namespace NAMESPACE = Namespace.create(FakeCodeBuildExtension.class);

    private final ExtensionCore core;

    /**
     * Create the extension that the {@link FakeCodeBuild} annotation registers, configured by that
     * annotation. Tests do not call this: they use the annotation, or {@link #builder()}.
     */
    public FakeCodeBuildExtension() {
        this.core = ExtensionCore.forAnnotation(NAMESPACE);
    }

    private FakeCodeBuildExtension(Configuration configuration) {
        this.core = ExtensionCore.forRegistration(NAMESPACE, configuration, this);
    }

    /**
     * Start configuring an extension to register with {@link RegisterExtension}.
     *
     * @return a builder with every setting at its default
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public ExtensionContextScope getTestInstantiationExtensionContextScope(
            ExtensionContext rootContext) {
        // Constructor parameters are resolved in the test's own context, so that what a
        // PER_METHOD constructor seeds belongs to that test.
        return ExtensionContextScope.TEST_METHOD;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        core.beforeAll(context);
    }

    @Override
    public void preConstructTestInstance(
            TestInstanceFactoryContext factoryContext, ExtensionContext context) {
        core.preConstructTestInstance(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        core.beforeEach(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        core.afterEach(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        core.afterAll(context);
    }

    @Override
    public boolean supportsParameter(
            ParameterContext parameterContext, ExtensionContext extensionContext) {
        return core.supportsParameter(parameterContext.getParameter().getType());
    }

    @Override
    public Object resolveParameter(
            ParameterContext parameterContext, ExtensionContext extensionContext) {
        return core.resolveParameter(parameterContext.getParameter().getType(), extensionContext);
    }

    /**
     * {@code Builder} configures a {@link FakeCodeBuildExtension}.
     *
     * <p>Every setting is optional. Region, account id and strictness left unset take the suite's
     * configuration parameters, then the annotation's defaults, as described on {@link
     * FakeCodeBuild}. A builder is not thread-safe; the extension it builds is.
     *
     * @since 0.1.0
     */
    public static final class Builder {

        private String region = "";
        private String accountId = "";
        private Strictness strictness = Strictness.DEFAULT;
        private Consumer<? super CodeBuildBaseClientBuilder<?, ?>> clientCustomizer = client -> {};
        private Clock clock;

        private Builder() {}

        /**
         * Set the region the fake pretends to be in, as {@link FakeCodeBuild#region()} does.
         *
         * @param region a region name such as {@code eu-west-1}
         * @return this builder
         * @throws IllegalArgumentException if the value is not a region name
         */
        public Builder region(String region) {
            Objects.requireNonNull(region, "region");
            Configuration.checkRegion(region, "region(\"" + region + "\")");
            this.region = region;
            return this;
        }

        /**
         * Set the account the fake pretends to belong to, as {@link FakeCodeBuild#accountId()}
         * does.
         *
         * @param accountId 12 digits
         * @return this builder
         * @throws IllegalArgumentException if the value is not 12 digits
         */
        public Builder accountId(String accountId) {
            Objects.requireNonNull(accountId, "accountId");
            Configuration.checkAccountId(accountId, "accountId(\"" + accountId + "\")");
            this.accountId = accountId;
            return this;
        }

        /**
         * Set what happens to a test that calls an operation the fake does not implement.
         *
         * @param strictness {@link Strictness#STRICT} or {@link Strictness#LENIENT}; {@link
         *     Strictness#DEFAULT} leaves it to the suite's configuration parameter
         * @return this builder
         */
        public Builder strictness(Strictness strictness) {
            this.strictness = Objects.requireNonNull(strictness, "strictness");
            return this;
        }

        /**
         * Change the builders of the clients the fake injects, {@code CodeBuildClient} and {@code
         * CodeBuildAsyncClient}, just before they are built.
         *
         * <p>The builder comes with the fake's endpoint, region, credentials and HTTP client set,
         * and retries off. What the customizer sets wins; for example a retry strategy:
         *
         * <pre>{@code
         * .customizeClients(client -> client.overrideConfiguration(c -> c
         *         .retryStrategy(AwsRetryStrategy.standardRetryStrategy())
         *         .addExecutionInterceptor(new RecordingInterceptor())))
         * }</pre>
         *
         * <p>Replacing the override configuration, as above, keeps the fake's other settings:
         * retries stay off unless the customizer sets a retry strategy, policy or mode, and the
         * user's {@code ~/.aws} files stay ignored unless it sets a profile file.
         *
         * @param customizer called once for each client the fake creates; an exception it throws
         *     fails the parameter resolution with a {@code ParameterResolutionException}
         * @return this builder
         */
        public Builder customizeClients(
                Consumer<? super CodeBuildBaseClientBuilder<?, ?>> customizer) {
            this.clientCustomizer = Objects.requireNonNull(customizer, "customizer");
            return this;
        }

        /**
         * Set the clock from which the fake takes the times it fills in: the {@code startTime},
         * {@code endTime}, phase times, {@code created} and {@code lastModified} of what it
         * creates, and the five-minute window of idempotency tokens.
         *
         * <p>Times are kept to the millisecond. Each time the fake fills in is later than every
         * time it already holds, by one millisecond when the clock has not moved on, so a fixed
         * clock gives times one millisecond apart, in the order things happened.
         *
         * @param clock for example {@code Clock.fixed(instant, ZoneOffset.UTC)}; the system clock
         *     unless set
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Build the extension.
         *
         * @return a new extension with this builder's settings; later changes to the builder do not
         *     affect it
         */
        public FakeCodeBuildExtension build() {
            return new FakeCodeBuildExtension(
                    new Configuration(region, accountId, strictness, clientCustomizer, clock));
        }
    }
}
