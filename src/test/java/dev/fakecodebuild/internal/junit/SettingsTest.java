package dev.fakecodebuild.internal.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fakecodebuild.FakeCodeBuild;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.regions.Region;

class SettingsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "us-east-1",
                "ap-southeast-2",
                "us-gov-west-1",
                "cn-north-1",
                "eu-isoe-west-1",
                "us-isob-east-1"
            })
    void acceptsRegionNames(String region) {
        Settings settings = Settings.of(annotation(region, "123456789012"), SettingsTest.class);

        assertThat(settings.region()).isEqualTo(Region.of(region));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "US-EAST-1", "us_east_1", "aws-global", "moon-base-1x", "us-east"})
    void refusesWhatIsNoRegionName(String region) {
        assertThatThrownBy(
                        () -> Settings.of(annotation(region, "123456789012"), SettingsTest.class))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage(
                        "@FakeCodeBuild(region = \""
                                + region
                                + "\") on dev.fakecodebuild.internal.junit.SettingsTest is not a"
                                + " region name: use one such as \"us-east-1\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12345678901", "1234567890123", "12345678901a"})
    void refusesWhatIsNoAccountId(String accountId) {
        assertThatThrownBy(
                        () -> Settings.of(annotation("us-east-1", accountId), SettingsTest.class))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageStartingWith("@FakeCodeBuild(accountId = \"" + accountId + "\")");
    }

    @Test
    void keepsTheAccountId() {
        assertThat(
                        Settings.of(annotation("us-east-1", "000000000000"), SettingsTest.class)
                                .accountId())
                .isEqualTo("000000000000");
    }

    // Settings.of only reads the two attributes; it never compares or hashes the annotation.
    @SuppressWarnings("BadAnnotationImplementation")
    private static FakeCodeBuild annotation(String region, String accountId) {
        return new FakeCodeBuild() {
            @Override
            public Class<FakeCodeBuild> annotationType() {
                return FakeCodeBuild.class;
            }

            @Override
            public String region() {
                return region;
            }

            @Override
            public String accountId() {
                return accountId;
            }
        };
    }
}
