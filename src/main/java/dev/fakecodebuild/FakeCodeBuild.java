package dev.fakecodebuild;

import dev.fakecodebuild.internal.junit.FakeCodeBuildExtension;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

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
 *   <li>{@link FakeCodeBuildState}: seeds projects and build batches and reports the calls the fake
 *       received.
 * </ul>
 *
 * <h2>Lifecycle</h2>
 *
 * <p>One server serves the annotated class. It starts when the first thing in the class needs it
 * (so a class whose tests are all disabled starts none) and stops when the class ends, releasing
 * its port and threads. {@link org.junit.jupiter.api.Nested @Nested} classes share the server and
 * state of their enclosing class, unless they carry {@code @FakeCodeBuild} themselves. The
 * annotation is {@link Inherited inherited}: each subclass of an annotated base class gets a server
 * and state of its own.
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
 * <h2>Configuration errors</h2>
 *
 * <p>A {@link #region()} or {@link #accountId()} that CodeBuild would not accept fails the class
 * with an {@link org.junit.jupiter.api.extension.ExtensionConfigurationException
 * ExtensionConfigurationException} naming the attribute and its value.
 *
 * @since 0.1.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(FakeCodeBuildExtension.class)
public @interface FakeCodeBuild {

    /**
     * The AWS region the fake pretends to be in, and the region of the injected client.
     *
     * <p>It appears in every ARN the fake generates. It must be a region name such as {@code
     * us-east-1}.
     *
     * @return the region name; {@code us-east-1} unless set
     */
    String region() default "us-east-1";

    /**
     * The AWS account the fake pretends to belong to.
     *
     * <p>It appears in every ARN the fake generates. It must be 12 digits.
     *
     * @return the account id; {@code 123456789012} unless set
     */
    String accountId() default "123456789012";
}
