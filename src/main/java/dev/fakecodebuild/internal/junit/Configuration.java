package dev.fakecodebuild.internal.junit;

import dev.fakecodebuild.FakeCodeBuild;
import dev.fakecodebuild.Strictness;
import java.time.Clock;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.codebuild.CodeBuildBaseClientBuilder;

/**
 * What a test class asked of its fake, through the annotation or the builder, before the suite's
 * configuration parameters and the defaults fill the gaps ({@link Settings} holds the outcome).
 *
 * @param region a region name, or {@code ""} for the default
 * @param accountId an account id, or {@code ""} for the default
 * @param strictness the strictness, or {@link Strictness#DEFAULT}
 * @param clientCustomizer applied to each client builder before the client is built
 * @param clock the clock of generated times, or {@code null} for the system clock
 */
public record Configuration(
        String region,
        String accountId,
        Strictness strictness,
        Consumer<? super CodeBuildBaseClientBuilder<?, ?>> clientCustomizer,
        Clock clock) {

    /** Every AWS region name: a two-letter area, one or more words, a number. */
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]+");

    private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");

    /** What the annotation asks for; it cannot hold a customizer or a clock. */
    static Configuration of(FakeCodeBuild annotation) {
        return new Configuration(
                annotation.region(),
                annotation.accountId(),
                annotation.strictness(),
                c -> {},
                null);
    }

    /**
     * Check a region name.
     *
     * @param what where the value came from, to start the message with
     * @throws IllegalArgumentException if it is not a region name
     */
    public static void checkRegion(String region, String what) {
        if (!REGION.matcher(region).matches()) {
            throw new IllegalArgumentException(
                    what + " is not a region name: use one such as \"us-east-1\"");
        }
    }

    /**
     * Check an account id.
     *
     * @param what where the value came from, to start the message with
     * @throws IllegalArgumentException if it is not 12 digits
     */
    public static void checkAccountId(String accountId, String what) {
        if (!ACCOUNT_ID.matcher(accountId).matches()) {
            throw new IllegalArgumentException(
                    what + " is not an AWS account id: use 12 digits, such as \"123456789012\"");
        }
    }
}
