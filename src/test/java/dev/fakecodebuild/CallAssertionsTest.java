package dev.fakecodebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.fakecodebuild.wire.RawHttpConnection;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.CodeBuildRequest;
import software.amazon.awssdk.services.codebuild.model.EnvironmentVariable;
import software.amazon.awssdk.services.codebuild.model.EnvironmentVariableType;
import software.amazon.awssdk.services.codebuild.model.ListProjectsRequest;
import software.amazon.awssdk.services.codebuild.model.ResourceNotFoundException;
import software.amazon.awssdk.services.codebuild.model.StartBuildRequest;
import software.amazon.awssdk.services.codebuild.model.StopBuildRequest;

/** assertCalledOnce and assertNotCalled through the real client, passing and failing. */
@FakeCodeBuild
class CallAssertionsTest {

    private static final String OWNER = "dev.fakecodebuild.CallAssertionsTest";

    private static final StartBuildRequest START_MAIN =
            StartBuildRequest.builder().projectName("web-app").sourceVersion("main").build();

    private static final String START_MAIN_BODY =
            "{\"projectName\":\"web-app\",\"sourceVersion\":\"main\"}";

    @BeforeEach
    void addProject(FakeCodeBuildState state) {
        state.addProject("web-app");
    }

    /** The first line of every message, up to "received". */
    private static String expected(FakeCodeBuildState state, String expectation) {
        return "Expected "
                + expectation
                + ", but the fake CodeBuild of "
                + OWNER
                + " ("
                + state.endpoint()
                + ") received ";
    }

    private static EnvironmentVariable variable(
            String name, String value, EnvironmentVariableType type) {
        return EnvironmentVariable.builder().name(name).value(value).type(type).build();
    }

    private static AssertionFailedError failure(Runnable assertion) {
        return catchThrowableOfType(AssertionFailedError.class, assertion::run);
    }

    @Nested
    class AssertCalledOnceWithAClass {

        @Test
        void returnsTheRequestOfTheOneCall(CodeBuildClient codeBuild, FakeCodeBuildState state) {
            codeBuild.listProjects(r -> {});
            codeBuild.startBuild(START_MAIN);

            StartBuildRequest request = state.assertCalledOnce(StartBuildRequest.class);

            assertThat(request).isEqualTo(START_MAIN);
        }

        @Test
        void countsARefusedCall(CodeBuildClient codeBuild, FakeCodeBuildState state) {
            assertThatThrownBy(() -> codeBuild.startBuild(r -> r.projectName("missing")))
                    .isInstanceOf(ResourceNotFoundException.class);

            StartBuildRequest request = state.assertCalledOnce(StartBuildRequest.class);

            assertThat(request.projectName()).isEqualTo("missing");
        }

        @Test
        void failsWhenNoneWasReceivedAndListsTheCallsThatWere(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            codeBuild.listProjects(r -> {});
            codeBuild.batchGetBuilds(r -> r.ids("web-app:1"));

            AssertionFailedError failure =
                    failure(() -> state.assertCalledOnce(StartBuildRequest.class));

            assertThat(failure)
                    .hasMessage(
                            expected(state, "one StartBuild call")
                                    + "none.\n"
                                    + "Calls received (2):\n"
                                    + "  1. ListProjects -> 200 {}\n"
                                    + "  2. BatchGetBuilds -> 200 {\"ids\":[\"web-app:1\"]}");
            assertThat(failure.getExpected().getEphemeralValue()).isEqualTo(1);
            assertThat(failure.getActual().getEphemeralValue()).isEqualTo(0);
        }

        @Test
        void failsWhenTheScopeHasNoCallsAtAll(FakeCodeBuildState state) {
            AssertionFailedError failure =
                    failure(() -> state.assertCalledOnce(StartBuildRequest.class));

            assertThat(failure)
                    .hasMessage(
                            expected(state, "one StartBuild call")
                                    + "none.\n"
                                    + "Calls received: (none)");
        }

        @Test
        void failsWhenTwoWereReceived(CodeBuildClient codeBuild, FakeCodeBuildState state) {
            codeBuild.startBuild(START_MAIN);
            assertThatThrownBy(() -> codeBuild.startBuild(r -> r.projectName("missing")))
                    .isInstanceOf(ResourceNotFoundException.class);

            AssertionFailedError failure =
                    failure(() -> state.assertCalledOnce(StartBuildRequest.class));

            assertThat(failure)
                    .hasMessage(
                            expected(state, "one StartBuild call")
                                    + "2.\n"
                                    + "Calls received (2):\n"
                                    + "  1. StartBuild -> 200 "
                                    + START_MAIN_BODY
                                    + "\n"
                                    + "  2. StartBuild -> 400 ResourceNotFoundException"
                                    + " {\"projectName\":\"missing\"}");
            assertThat(failure.getExpected().getEphemeralValue()).isEqualTo(1);
            assertThat(failure.getActual().getEphemeralValue()).isEqualTo(2);
        }

        @Test
        void failsWhenTheOneCallHadABodyTheFakeCouldNotDecode(FakeCodeBuildState state) {
            try (var connection = new RawHttpConnection(state.endpoint())) {
                connection.exchange("POST", "/", "CodeBuild_20161006.StartBuild", "[1]");
            }

            AssertionFailedError failure =
                    failure(() -> state.assertCalledOnce(StartBuildRequest.class));

            assertThat(failure)
                    .hasMessage(
                            expected(state, "one StartBuild call")
                                    + "one whose body it could not decode.\n"
                                    + "Calls received (1):\n"
                                    + "  1. StartBuild -> 400 SerializationException [1]");
            assertThat(failure.isExpectedDefined()).isFalse();
        }

        @Test
        void refusesAnAbstractClass(FakeCodeBuildState state) {
            assertThatThrownBy(() -> state.assertCalledOnce(CodeBuildRequest.class))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(
                            "assertCalledOnce(Class) takes the class of one operation's request,"
                                    + " such as StartBuildRequest.class, not CodeBuildRequest");
        }
    }

    @Nested
    class AssertCalledOnceWithAnExpectedRequest {

        @Test
        void comparesOnlyTheMembersTheExpectedRequestSets(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            StartBuildRequest sent =
                    START_MAIN.toBuilder()
                            .timeoutInMinutesOverride(30)
                            .environmentVariablesOverride(variable("STAGE", "prod", null))
                            .build();
            codeBuild.startBuild(sent);

            StartBuildRequest request = state.assertCalledOnce(START_MAIN);

            assertThat(request).isEqualTo(sent);
        }

        @Test
        void anExpectedRequestThatSetsNothingOnlyCounts(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            codeBuild.startBuild(START_MAIN);

            StartBuildRequest request = state.assertCalledOnce(StartBuildRequest.builder().build());

            assertThat(request).isEqualTo(START_MAIN);
        }

        @Test
        void failsNamingOnlyTheDifferingMembersWithTheirActualValues(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            codeBuild.startBuild(r -> r.projectName("web-app").sourceVersion("dev"));

            AssertionFailedError failure = failure(() -> state.assertCalledOnce(START_MAIN));

            assertThat(failure)
                    .hasMessage(
                            expected(
                                            state,
                                            "one StartBuild call with projectName \"web-app\","
                                                    + " sourceVersion \"main\"")
                                    + "one with sourceVersion \"dev\".\n"
                                    + "Calls received (1):\n"
                                    + "  1. StartBuild -> 200"
                                    + " {\"projectName\":\"web-app\",\"sourceVersion\":\"dev\"}");
            assertThat(failure.getExpected().getEphemeralValue())
                    .isEqualTo("projectName \"web-app\"\nsourceVersion \"main\"");
            assertThat(failure.getActual().getEphemeralValue())
                    .isEqualTo("projectName \"web-app\"\nsourceVersion \"dev\"");
        }

        @Test
        void showsAMemberTheCallLeftOutAsNotSet(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            codeBuild.startBuild(r -> r.projectName("web-app"));

            AssertionFailedError failure = failure(() -> state.assertCalledOnce(START_MAIN));

            assertThat(failure.getMessage())
                    .startsWith(
                            expected(
                                            state,
                                            "one StartBuild call with projectName \"web-app\","
                                                    + " sourceVersion \"main\"")
                                    + "one with sourceVersion not set.\n");
            assertThat(failure.getActual().getEphemeralValue())
                    .isEqualTo("projectName \"web-app\"\nsourceVersion not set");
        }

        @Test
        void writesNumbersListsAndStructuresAsOnTheWire(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            codeBuild.startBuild(
                    r ->
                            r.projectName("web-app")
                                    .timeoutInMinutesOverride(60)
                                    .environmentVariablesOverride(
                                            variable(
                                                    "STAGE",
                                                    "test",
                                                    EnvironmentVariableType.PLAINTEXT))
                                    .sourceAuthOverride(a -> a.type("OAUTH")));
            StartBuildRequest expected =
                    StartBuildRequest.builder()
                            .timeoutInMinutesOverride(30)
                            .environmentVariablesOverride(variable("STAGE", "prod", null))
                            .sourceAuthOverride(a -> a.type("CODECONNECTIONS"))
                            .build();

            AssertionFailedError failure = failure(() -> state.assertCalledOnce(expected));

            assertThat(failure.getMessage().lines().findFirst())
                    .hasValue(
                            expected(
                                            state,
                                            "one StartBuild call with environmentVariablesOverride"
                                                    + " [{\"name\":\"STAGE\",\"value\":\"prod\"}],"
                                                    + " sourceAuthOverride"
                                                    + " {\"type\":\"CODECONNECTIONS\"},"
                                                    + " timeoutInMinutesOverride 30")
                                    + "one with environmentVariablesOverride"
                                    + " [{\"name\":\"STAGE\",\"value\":\"test\","
                                    + "\"type\":\"PLAINTEXT\"}],"
                                    + " sourceAuthOverride {\"type\":\"OAUTH\"},"
                                    + " timeoutInMinutesOverride 60.");
        }

        @Test
        void anEmptyListTheExpectedRequestSetsIsCompared(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            codeBuild.startBuild(START_MAIN);
            StartBuildRequest expected =
                    START_MAIN.toBuilder().environmentVariablesOverride(List.of()).build();

            AssertionFailedError failure = failure(() -> state.assertCalledOnce(expected));

            assertThat(failure.getMessage().lines().findFirst())
                    .hasValue(
                            expected(
                                            state,
                                            "one StartBuild call with projectName \"web-app\","
                                                    + " sourceVersion \"main\","
                                                    + " environmentVariablesOverride []")
                                    + "one with environmentVariablesOverride not set.");
        }

        @Test
        void failsWhenNoneWasReceivedNamingTheExpectedMembers(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            codeBuild.listProjects(r -> {});

            AssertionFailedError failure = failure(() -> state.assertCalledOnce(START_MAIN));

            assertThat(failure)
                    .hasMessage(
                            expected(
                                            state,
                                            "one StartBuild call with projectName \"web-app\","
                                                    + " sourceVersion \"main\"")
                                    + "none.\n"
                                    + "Calls received (1):\n"
                                    + "  1. ListProjects -> 200 {}");
        }

        @Test
        void failsWhenTwoWereReceivedEvenIfOneMatches(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            codeBuild.startBuild(START_MAIN);
            codeBuild.startBuild(START_MAIN);

            AssertionFailedError failure = failure(() -> state.assertCalledOnce(START_MAIN));

            assertThat(failure)
                    .hasMessage(
                            expected(
                                            state,
                                            "one StartBuild call with projectName \"web-app\","
                                                    + " sourceVersion \"main\"")
                                    + "2.\n"
                                    + "Calls received (2):\n"
                                    + "  1. StartBuild -> 200 "
                                    + START_MAIN_BODY
                                    + "\n"
                                    + "  2. StartBuild -> 200 "
                                    + START_MAIN_BODY);
        }

        @Test
        void shortensLongValuesAndLongCalls(CodeBuildClient codeBuild, FakeCodeBuildState state) {
            String buildspec = "x".repeat(1500);
            codeBuild.startBuild(r -> r.projectName("web-app").buildspecOverride(buildspec));
            StartBuildRequest expected =
                    StartBuildRequest.builder().buildspecOverride("short").build();

            AssertionFailedError failure = failure(() -> state.assertCalledOnce(expected));

            // The value is 1502 characters with its quotes, the call's line 1550.
            String line = "StartBuild -> 200 {\"projectName\":\"web-app\",\"buildspecOverride\":\"";
            assertThat(failure)
                    .hasMessage(
                            expected(state, "one StartBuild call with buildspecOverride \"short\"")
                                    + "one with buildspecOverride \""
                                    + "x".repeat(999)
                                    + "... (502 more characters).\n"
                                    + "Calls received (1):\n"
                                    + "  1. "
                                    + line
                                    + "x".repeat(1000 - line.length())
                                    + "... ("
                                    + (line.length() + 1502 - 1000)
                                    + " more characters)");
        }
    }

    @Nested
    class AssertNotCalled {

        @Test
        void passesWhenOnlyOtherOperationsWereCalled(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            codeBuild.startBuild(START_MAIN);

            state.assertNotCalled(StopBuildRequest.class);

            assertThat(state.calls()).hasSize(1);
        }

        @Test
        void failsWhenOneWasReceived(CodeBuildClient codeBuild, FakeCodeBuildState state) {
            String id = codeBuild.startBuild(START_MAIN).build().id();
            codeBuild.stopBuild(r -> r.id(id));

            AssertionFailedError failure =
                    failure(() -> state.assertNotCalled(StopBuildRequest.class));

            assertThat(failure)
                    .hasMessage(
                            expected(state, "no StopBuild call")
                                    + "1.\n"
                                    + "Calls received (2):\n"
                                    + "  1. StartBuild -> 200 "
                                    + START_MAIN_BODY
                                    + "\n"
                                    + "  2. StopBuild -> 200 {\"id\":\""
                                    + id
                                    + "\"}");
            assertThat(failure.getExpected().getEphemeralValue()).isEqualTo(0);
            assertThat(failure.getActual().getEphemeralValue()).isEqualTo(1);
        }

        @Test
        void countsARefusedCall(CodeBuildClient codeBuild, FakeCodeBuildState state) {
            assertThatThrownBy(() -> codeBuild.stopBuild(r -> r.id("web-app:1")))
                    .isInstanceOf(ResourceNotFoundException.class);

            AssertionFailedError failure =
                    failure(() -> state.assertNotCalled(StopBuildRequest.class));

            assertThat(failure)
                    .hasMessage(
                            expected(state, "no StopBuild call")
                                    + "1.\n"
                                    + "Calls received (1):\n"
                                    + "  1. StopBuild -> 400 ResourceNotFoundException"
                                    + " {\"id\":\"web-app:1\"}");
        }

        @Test
        void listsAHundredCallsAndCountsTheRest(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            for (int i = 0; i < 102; i++) {
                codeBuild.listProjects(r -> {});
            }

            AssertionFailedError failure =
                    failure(() -> state.assertNotCalled(ListProjectsRequest.class));

            List<String> lines = failure.getMessage().lines().toList();
            assertThat(lines.get(0)).isEqualTo(expected(state, "no ListProjects call") + "102.");
            assertThat(lines.get(1)).isEqualTo("Calls received (102):");
            assertThat(lines).hasSize(103);
            assertThat(lines.get(101)).isEqualTo("  100. ListProjects -> 200 {}");
            assertThat(lines.get(102)).isEqualTo("  ... and 2 more");
        }

        @Test
        void refusesAnAbstractClass(FakeCodeBuildState state) {
            assertThatThrownBy(() -> state.assertNotCalled(CodeBuildRequest.class))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(
                            "assertNotCalled(Class) takes the class of one operation's request,"
                                    + " such as StartBuildRequest.class, not CodeBuildRequest");
        }
    }
}
