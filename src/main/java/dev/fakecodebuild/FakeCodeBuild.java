package dev.fakecodebuild;

import dev.fakecodebuild.internal.junit.OneTestAtATime;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * {@code @FakeCodeBuild} starts an in-process fake of AWS CodeBuild for the annotated test class.
 *
 * <p>The fake is a real HTTP server on {@code 127.0.0.1} and a random free port, speaking
 * CodeBuild's wire protocol (AWS JSON 1.1). Test code reaches it through parameters of these exact
 * types, in test methods, lifecycle methods and constructors:
 *
 * <ul>
 *   <li>{@link software.amazon.awssdk.services.codebuild.CodeBuildClient CodeBuildClient}: a real
 *       AWS SDK client, already pointed at the fake, with retries off;
 *   <li>{@link software.amazon.awssdk.services.codebuild.CodeBuildAsyncClient
 *       CodeBuildAsyncClient}: the same, asynchronous, on the SDK's Netty HTTP client speaking
 *       HTTP/1.1. It is created only when something asks for it. The SDK's codebuild module brings
 *       {@code software.amazon.awssdk:netty-nio-client}; in a project that excludes it, the
 *       parameter fails with a {@link org.junit.jupiter.api.extension.ParameterResolutionException
 *       ParameterResolutionException} that names it;
 *   <li>{@link FakeCodeBuildState}: seeds projects and build batches and reports the calls the fake
 *       received.
 * </ul>
 *
 * <h2>Lifecycle</h2>
 *
 * <p>One server serves the annotated class. It starts when the first thing in the class needs it
 * (so a class whose tests are all disabled starts none) and stops when the class ends, releasing
 * its port and threads. The injected clients are closed just before it; the async client's threads
 * have ended when the class ends. {@link org.junit.jupiter.api.Nested @Nested} classes share the
 * server and state of their enclosing class, unless they carry {@code @FakeCodeBuild} themselves.
 * The annotation is {@link Inherited inherited}: each subclass of an annotated base class gets a
 * server and state of its own.
 *
 * <h2>State scopes</h2>
 *
 * <p>What is seeded while the class is set up ({@code @BeforeAll} methods, the constructor of a
 * {@code PER_CLASS} test instance) stays for the whole class. What a test seeds (in its
 * constructor, its {@code @BeforeEach} methods or its body), and every call recorded during it, is
 * gone before the next test starts, whether the test passed or failed. Faults set with {@link
 * FakeCodeBuildState#failNext(String, int, Fault)} and {@link FakeCodeBuildState#failEvery(String,
 * Fault)} follow the same scopes: each test starts from the class's faults with the counts they had
 * when the class setup ended.
 *
 * <h2>Parallel execution</h2>
 *
 * <p>Classes may run at the same time; each has its own fake. The methods of one class share its
 * fake, so the annotation gives each annotated class a JUnit {@linkplain ResourceLock resource
 * lock} of its own: with JUnit's parallel mode on for methods, the methods of an annotated class
 * run one at a time, while other classes go on in parallel.
 *
 * <h2>Suite-wide defaults</h2>
 *
 * <p>{@link #region()}, {@link #accountId()} and {@link #strictness()} left unset take the value of
 * a JUnit configuration parameter, for example in {@code junit-platform.properties}:
 *
 * <pre>{@code
 * fakecodebuild.region.default = eu-west-1
 * fakecodebuild.accountId.default = 111122223333
 * fakecodebuild.strictness.default = lenient
 * }</pre>
 *
 * <p>A value set on the annotation always wins over the parameter.
 *
 * <h2>Configuration errors</h2>
 *
 * <p>A region or account id that CodeBuild would not accept, given on the annotation or by a
 * configuration parameter, fails the class with an {@link
 * org.junit.jupiter.api.extension.ExtensionConfigurationException ExtensionConfigurationException}
 * naming where the value came from and the value. So does a class that has both this annotation and
 * a {@link FakeCodeBuildExtension} registered in a field: one class gets one fake.
 *
 * @see FakeCodeBuildExtension#builder()
 * @since 0.1.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(FakeCodeBuildExtension.class)
@ResourceLock(providers = OneTestAtATime.class)
public @interface FakeCodeBuild {

    /**
     * The configuration parameter that sets the region of every fake whose annotation or builder
     * sets none: {@value}.
     */
    String DEFAULT_REGION_PROPERTY_NAME = "fakecodebuild.region.default";

    /**
     * The configuration parameter that sets the account id of every fake whose annotation or
     * builder sets none: {@value}.
     */
    String DEFAULT_ACCOUNT_ID_PROPERTY_NAME = "fakecodebuild.accountId.default";

    /**
     * The configuration parameter that sets the {@link Strictness} of every fake whose annotation
     * or builder sets none: {@value}. Its value is {@code strict} or {@code lenient}, in any case.
     */
    String DEFAULT_STRICTNESS_PROPERTY_NAME = "fakecodebuild.strictness.default";

    /**
     * The AWS region the fake pretends to be in, and the region of the injected client.
     *
     * <p>It appears in every ARN the fake generates. It must be a region name such as {@code
     * us-east-1}.
     *
     * @return the region name; when empty, the value of {@value #DEFAULT_REGION_PROPERTY_NAME}, or
     *     {@code us-east-1} if that is not set either
     */
    String region() default "";

    /**
     * The AWS account the fake pretends to belong to.
     *
     * <p>It appears in every ARN the fake generates. It must be 12 digits.
     *
     * @return the account id; when empty, the value of {@value #DEFAULT_ACCOUNT_ID_PROPERTY_NAME},
     *     or {@code 123456789012} if that is not set either
     */
    String accountId() default "";

    /**
     * What happens to a test that calls an operation the fake does not implement.
     *
     * @return {@link Strictness#STRICT} to fail such a test, {@link Strictness#LENIENT} to let it
     *     go on; {@link Strictness#DEFAULT}, the default, takes {@value
     *     #DEFAULT_STRICTNESS_PROPERTY_NAME}, or {@code STRICT} if that is not set
     */
    Strictness strictness() default Strictness.DEFAULT;
}
