package dev.fakecodebuild;

/**
 * {@code Strictness} says what happens to a test that calls a CodeBuild operation this fake does
 * not implement.
 *
 * <p>Such a call is always answered with {@code 400 UnknownOperationException}, which the SDK
 * throws as a {@code CodeBuildException}. Code under test that catches that exception could pass
 * without anyone noticing that it relied on an operation the fake cannot serve; a strict fake makes
 * the test fail instead.
 *
 * @see FakeCodeBuild#strictness()
 * @see FakeCodeBuild#DEFAULT_STRICTNESS_PROPERTY_NAME
 * @since 0.1.0
 */
public enum Strictness {

    /**
     * Use the suite's default: the configuration parameter {@value
     * FakeCodeBuild#DEFAULT_STRICTNESS_PROPERTY_NAME}, or {@link #STRICT} if it is not set.
     */
    DEFAULT,

    /**
     * A test that called an operation the fake does not implement fails after it has run, with a
     * message naming the operations and the test. Calls made while the class is set up or torn down
     * ({@code @BeforeAll}, {@code @AfterAll}) fail the class.
     */
    STRICT,

    /**
     * Calls to operations the fake does not implement are answered with {@code
     * UnknownOperationException} and recorded, and nothing else happens.
     */
    LENIENT
}
