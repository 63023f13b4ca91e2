package dev.fakecodebuild.internal.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fakecodebuild.Strictness;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.regions.Region;

class SettingsTest {

    private static final Function<String, Optional<String>> NO_PARAMETERS = parameters(Map.of());

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
        Settings settings = Settings.of(given(region, ""), SettingsTest.class, NO_PARAMETERS);

        assertThat(settings.region()).isEqualTo(Region.of(region));
    }

    @ParameterizedTest
    @ValueSource(strings = {"US-EAST-1", "us_east_1", "aws-global", "moon-base-1x", "us-east"})
    void refusesWhatIsNoRegionName(String region) {
        assertThatThrownBy(() -> Settings.of(given(region, ""), SettingsTest.class, NO_PARAMETERS))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage(
                        "@FakeCodeBuild(region = \""
                                + region
                                + "\") on dev.fakecodebuild.internal.junit.SettingsTest is not a"
                                + " region name: use one such as \"us-east-1\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345678901", "1234567890123", "12345678901a"})
    void refusesWhatIsNoAccountId(String accountId) {
        assertThatThrownBy(
                        () -> Settings.of(given("", accountId), SettingsTest.class, NO_PARAMETERS))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage(
                        "@FakeCodeBuild(accountId = \""
                                + accountId
                                + "\") on dev.fakecodebuild.internal.junit.SettingsTest is not an"
                                + " AWS account id: use 12 digits, such as \"123456789012\"");
    }

    @Test
    void leavesUnsetValuesToTheDefaults() {
        Settings settings = Settings.of(given("", ""), SettingsTest.class, NO_PARAMETERS);

        assertThat(settings.region()).isEqualTo(Region.US_EAST_1);
        assertThat(settings.accountId()).isEqualTo("123456789012");
        assertThat(settings.strictness()).isEqualTo(Strictness.STRICT);
        assertThat(settings.clock()).isEqualTo(Clock.systemUTC());
    }

    @Test
    void takesUnsetValuesFromTheConfigurationParameters() {
        Function<String, Optional<String>> parameters =
                parameters(
                        Map.of(
                                "fakecodebuild.region.default", "eu-west-1",
                                "fakecodebuild.accountId.default", "111122223333",
                                "fakecodebuild.strictness.default", " Lenient "));

        Settings settings = Settings.of(given("", ""), SettingsTest.class, parameters);

        assertThat(settings.region()).isEqualTo(Region.EU_WEST_1);
        assertThat(settings.accountId()).isEqualTo("111122223333");
        assertThat(settings.strictness()).isEqualTo(Strictness.LENIENT);
    }

    @Test
    void valuesGivenWinOverTheConfigurationParameters() {
        Function<String, Optional<String>> parameters =
                parameters(
                        Map.of(
                                "fakecodebuild.region.default", "eu-west-1",
                                "fakecodebuild.accountId.default", "111122223333",
                                "fakecodebuild.strictness.default", "lenient"));
        Configuration given =
                new Configuration("ap-south-1", "444455556666", Strictness.STRICT, c -> {}, null);

        Settings settings = Settings.of(given, SettingsTest.class, parameters);

        assertThat(settings.region()).isEqualTo(Region.AP_SOUTH_1);
        assertThat(settings.accountId()).isEqualTo("444455556666");
        assertThat(settings.strictness()).isEqualTo(Strictness.STRICT);
    }

    @Test
    void keepsTheClockGiven() {
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        Configuration given = new Configuration("", "", Strictness.DEFAULT, c -> {}, clock);

        assertThat(Settings.of(given, null, NO_PARAMETERS).clock()).isSameAs(clock);
    }

    @Test
    void refusesABadRegionParameterNamingIt() {
        assertThatThrownBy(
                        () ->
                                Settings.of(
                                        given("", ""),
                                        SettingsTest.class,
                                        parameters(Map.of("fakecodebuild.region.default", "mars"))))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage(
                        "The configuration parameter fakecodebuild.region.default = \"mars\" is not"
                                + " a region name: use one such as \"us-east-1\"");
    }

    @Test
    void refusesABadAccountIdParameterNamingIt() {
        assertThatThrownBy(
                        () ->
                                Settings.of(
                                        given("", ""),
                                        SettingsTest.class,
                                        parameters(
                                                Map.of("fakecodebuild.accountId.default", "42"))))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage(
                        "The configuration parameter fakecodebuild.accountId.default = \"42\" is"
                                + " not an AWS account id: use 12 digits, such as"
                                + " \"123456789012\"");
    }

    @Test
    void refusesABadStrictnessParameterNamingIt() {
        assertThatThrownBy(
                        () ->
                                Settings.of(
                                        given("", ""),
                                        SettingsTest.class,
                                        parameters(
                                                Map.of(
                                                        "fakecodebuild.strictness.default",
                                                        "default"))))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage(
                        "The configuration parameter fakecodebuild.strictness.default = \"default\""
                                + " is not a strictness: use \"strict\" or \"lenient\"");
    }

    private static Configuration given(String region, String accountId) {
        return new Configuration(region, accountId, Strictness.DEFAULT, c -> {}, null);
    }

    private static Function<String, Optional<String>> parameters(Map<String, String> values) {
        return name -> Optional.ofNullable(values.get(name));
    }
}
