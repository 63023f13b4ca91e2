package dev.fakecodebuild.internal.junit;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The oldest JUnit Jupiter the fake works with.
 *
 * <p>Older versions run the fake without an error but call its callbacks in another order, so what
 * a test seeded would leak into the next: a failure far from its cause. Refusing them up front
 * names the cause instead. The order is the engine's, and the engine can be older than the API: the
 * fake itself brings junit-jupiter-api 5.14, which a build tool that picks the highest version lays
 * next to a project's older junit-jupiter-engine. So both are checked.
 */
final class JupiterVersion {

    static final int MINIMUM_MAJOR = 5;
    static final int MINIMUM_MINOR = 14;

    private static final Pattern MAJOR_MINOR = Pattern.compile("(\\d+)\\.(\\d+).*");

    private static final String API = "junit-jupiter-api";
    private static final String ENGINE = "junit-jupiter-engine";

    /** What is wrong with the JUnit Jupiter API on the class path, if anything; read once. */
    private static final Optional<String> PROBLEM =
            problem(API, ExtensionContext.class.getPackage().getImplementationVersion());

    private JupiterVersion() {}

    /**
     * Refuse a JUnit Jupiter older than the fake supports: its API, or the engine running the test.
     *
     * @param context a context the running engine made; its class comes from the engine's jar
     * @throws ExtensionConfigurationException naming the version found and the one needed
     */
    static void check(ExtensionContext context) {
        PROBLEM.or(() -> problem(ENGINE, engineVersion(context)))
                .ifPresent(
                        message -> {
                            throw new ExtensionConfigurationException(message);
                        });
    }

    /**
     * The version of the engine that made a context, or {@code null} when it is not known.
     *
     * @param context a context the running engine made
     * @return the engine jar's version
     */
    static String engineVersion(ExtensionContext context) {
        Package engine = context.getClass().getPackage();
        return engine == null ? null : engine.getImplementationVersion();
    }

    /**
     * Tell what is wrong with a junit-jupiter-api version.
     *
     * @param version the version of junit-jupiter-api, or {@code null} when it is not known (its
     *     classes do not come from a released jar)
     * @return the message for an older version; empty for a supported or unknown one
     */
    static Optional<String> problem(String version) {
        return problem(API, version);
    }

    /**
     * Tell what is wrong with the version of a JUnit Jupiter jar.
     *
     * @param artifact the jar's artifact id, for the message
     * @param version its version, or {@code null} when it is not known
     * @return the message for an older version; empty for a supported or unknown one
     */
    static Optional<String> problem(String artifact, String version) {
        if (version == null) {
            return Optional.empty();
        }
        Matcher matcher = MAJOR_MINOR.matcher(version);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int major = Integer.parseInt(matcher.group(1));
        int minor = Integer.parseInt(matcher.group(2));
        if (major > MINIMUM_MAJOR || (major == MINIMUM_MAJOR && minor >= MINIMUM_MINOR)) {
            return Optional.empty();
        }
        return Optional.of(
                "fake-codebuild needs JUnit Jupiter "
                        + MINIMUM_MAJOR
                        + "."
                        + MINIMUM_MINOR
                        + " or later, but "
                        + artifact
                        + " "
                        + version
                        + " is on the class path: upgrade JUnit, for example by importing"
                        + " org.junit:junit-bom "
                        + MINIMUM_MAJOR
                        + "."
                        + MINIMUM_MINOR
                        + ".0 or later");
    }
}
