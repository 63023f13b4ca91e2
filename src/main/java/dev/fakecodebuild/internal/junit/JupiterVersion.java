package dev.fakecodebuild.internal.junit;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The oldest JUnit Jupiter the fake works with, checked once per JVM.
 *
 * <p>Older versions run the fake without an error but call its callbacks in another order, so what
 * a test seeded would leak into the next: a failure far from its cause. Refusing them up front
 * names the cause instead.
 */
final class JupiterVersion {

    static final int MINIMUM_MAJOR = 5;
    static final int MINIMUM_MINOR = 14;

    private static final Pattern MAJOR_MINOR = Pattern.compile("(\\d+)\\.(\\d+).*");

    /** What is wrong with the JUnit Jupiter on the class path, if anything; read once. */
    private static final Optional<String> PROBLEM =
            problem(ExtensionContext.class.getPackage().getImplementationVersion());

    private JupiterVersion() {}

    /**
     * Refuse a JUnit Jupiter older than the fake supports.
     *
     * @throws ExtensionConfigurationException naming the version found and the one needed
     */
    static void check() {
        PROBLEM.ifPresent(
                message -> {
                    throw new ExtensionConfigurationException(message);
                });
    }

    /**
     * Tell what is wrong with a JUnit Jupiter version.
     *
     * @param version the version of junit-jupiter-api, or {@code null} when it is not known (its
     *     classes do not come from a released jar)
     * @return the message for an older version; empty for a supported or unknown one
     */
    static Optional<String> problem(String version) {
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
                        + " or later, but junit-jupiter-api "
                        + version
                        + " is on the class path: upgrade JUnit, for example by importing"
                        + " org.junit:junit-bom "
                        + MINIMUM_MAJOR
                        + "."
                        + MINIMUM_MINOR
                        + ".0 or later");
    }
}
