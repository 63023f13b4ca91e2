package dev.fakecodebuild.internal.junit;

import dev.fakecodebuild.FakeCodeBuild;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import software.amazon.awssdk.regions.Region;

/**
 * The settings of one fake, read from its {@link FakeCodeBuild} annotation and checked.
 *
 * @param region the region
 * @param accountId the account id
 */
record Settings(Region region, String accountId) {

    /** Every AWS region name: a two-letter area, one or more words, a number. */
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]+");

    private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");

    /**
     * Read and check the annotation of a test class.
     *
     * @throws ExtensionConfigurationException if an attribute holds a value CodeBuild would not
     *     accept
     */
    static Settings of(FakeCodeBuild annotation, Class<?> testClass) {
        String region = annotation.region();
        if (!REGION.matcher(region).matches()) {
            throw new ExtensionConfigurationException(
                    "@FakeCodeBuild(region = \""
                            + region
                            + "\") on "
                            + testClass.getName()
                            + " is not a region name: use one such as \"us-east-1\"");
        }
        String accountId = annotation.accountId();
        if (!ACCOUNT_ID.matcher(accountId).matches()) {
            throw new ExtensionConfigurationException(
                    "@FakeCodeBuild(accountId = \""
                            + accountId
                            + "\") on "
                            + testClass.getName()
                            + " is not an AWS account id: use 12 digits, such as \"123456789012\"");
        }
        return new Settings(Region.of(region), accountId);
    }
}
