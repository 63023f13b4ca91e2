package dev.fakecodebuild.internal.junit;

import dev.fakecodebuild.FakeCodeBuild;
import dev.fakecodebuild.Strictness;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codebuild.CodeBuildBaseClientBuilder;

/**
 * The settings of one fake: what its annotation or builder set, else the suite's configuration
 * parameters, else the defaults; checked.
 *
 * @param region the region
 * @param accountId the account id
 * @param strictness {@link Strictness#STRICT} or {@link Strictness#LENIENT}
 * @param clientCustomizer applied to each client builder
 * @param clock the clock of generated times
 */
record Settings(
        Region region,
        String accountId,
        Strictness strictness,
        Consumer<? super CodeBuildBaseClientBuilder<?, ?>> clientCustomizer,
        Clock clock) {

    private static final String DEFAULT_REGION = "us-east-1";
    private static final String DEFAULT_ACCOUNT_ID = "123456789012";

    /**
     * Settle the settings of a fake.
     *
     * @param given what the annotation or builder set
     * @param annotatedClass the class whose annotation gave them, or {@code null} for a builder
     * @param parameters the suite's configuration parameters, by name
     * @throws ExtensionConfigurationException if a value CodeBuild would not accept was given
     */
    static Settings of(
            Configuration given,
            Class<?> annotatedClass,
            Function<String, Optional<String>> parameters) {
        try {
            String region =
                    pick(given.region(), FakeCodeBuild.DEFAULT_REGION_PROPERTY_NAME, parameters);
            if (!region.isEmpty()) {
                Configuration.checkRegion(
                        region, origin("region", region, given.region(), annotatedClass));
            }
            String accountId =
                    pick(
                            given.accountId(),
                            FakeCodeBuild.DEFAULT_ACCOUNT_ID_PROPERTY_NAME,
                            parameters);
            if (!accountId.isEmpty()) {
                Configuration.checkAccountId(
                        accountId,
                        origin("accountId", accountId, given.accountId(), annotatedClass));
            }
            return new Settings(
                    Region.of(region.isEmpty() ? DEFAULT_REGION : region),
                    accountId.isEmpty() ? DEFAULT_ACCOUNT_ID : accountId,
                    strictness(given.strictness(), parameters),
                    given.clientCustomizer(),
                    given.clock() == null ? Clock.systemUTC() : given.clock());
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(e.getMessage());
        }
    }

    /** The value given, else the configuration parameter, else {@code ""} meaning the default. */
    private static String pick(
            String given, String parameter, Function<String, Optional<String>> parameters) {
        if (!given.isEmpty()) {
            return given;
        }
        return parameters.apply(parameter).orElse("");
    }

    /** How to name a value in a message, by where it came from. */
    private static String origin(
            String attribute, String value, String given, Class<?> annotatedClass) {
        if (given.isEmpty()) {
            String parameter =
                    attribute.equals("region")
                            ? FakeCodeBuild.DEFAULT_REGION_PROPERTY_NAME
                            : FakeCodeBuild.DEFAULT_ACCOUNT_ID_PROPERTY_NAME;
            return "The configuration parameter " + parameter + " = \"" + value + "\"";
        }
        if (annotatedClass != null) {
            return "@FakeCodeBuild("
                    + attribute
                    + " = \""
                    + value
                    + "\") on "
                    + annotatedClass.getName();
        }
        // The builder checks its values as they are set; this only names them if that changes.
        return attribute + "(\"" + value + "\")";
    }

    private static Strictness strictness(
            Strictness given, Function<String, Optional<String>> parameters) {
        if (given != Strictness.DEFAULT) {
            return given;
        }
        Optional<String> parameter =
                parameters.apply(FakeCodeBuild.DEFAULT_STRICTNESS_PROPERTY_NAME);
        if (parameter.isEmpty()) {
            return Strictness.STRICT;
        }
        return switch (parameter.get().trim().toLowerCase(Locale.ROOT)) {
            case "strict" -> Strictness.STRICT;
            case "lenient" -> Strictness.LENIENT;
            default ->
                    throw new IllegalArgumentException(
                            "The configuration parameter "
                                    + FakeCodeBuild.DEFAULT_STRICTNESS_PROPERTY_NAME
                                    + " = \""
                                    + parameter.get()
                                    + "\" is not a strictness: use \"strict\" or \"lenient\"");
        };
    }
}
