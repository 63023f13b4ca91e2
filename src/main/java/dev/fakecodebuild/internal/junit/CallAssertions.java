package dev.fakecodebuild.internal.junit;

import dev.fakecodebuild.RecordedCall;
import dev.fakecodebuild.internal.server.MemberJson;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import org.opentest4j.AssertionFailedError;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.services.codebuild.model.CodeBuildRequest;

/**
 * The assertions {@code FakeCodeBuildState} offers on the calls of the current scope, and their
 * messages. One instance judges one snapshot of the calls, so the verdict and the calls its message
 * lists always agree, even while the code under test keeps calling.
 */
final class CallAssertions {

    /** Longer texts (a call's line, a member's value) are cut here, to keep messages readable. */
    static final int MAX_TEXT = 1000;

    /** Calls listed in a message at most; a scope with more names how many it left out. */
    static final int MAX_LISTED = 100;

    private final String owner;
    private final URI endpoint;
    private final List<RecordedCall> calls;

    /**
     * @param owner the name of the class that carries {@code @FakeCodeBuild}
     * @param endpoint the fake's address
     * @param calls the calls of the current scope, in arrival order
     */
    CallAssertions(String owner, URI endpoint, List<RecordedCall> calls) {
        this.owner = owner;
        this.endpoint = endpoint;
        this.calls = calls;
    }

    <T extends CodeBuildRequest> T calledOnce(Class<T> requestType) {
        String operation = operationOf(requestType, "assertCalledOnce(Class)");
        String expectation = "one " + operation + " call";

        CodeBuildRequest request = decoded(theOnlyCall(operation, expectation), expectation);

        return requestType.cast(request);
    }

    <T extends CodeBuildRequest> T calledOnce(T expected) {
        String operation = operationOf(expected.getClass(), "assertCalledOnce(CodeBuildRequest)");
        List<SdkField<?>> members = setMembers(expected);
        String expectation =
                "one "
                        + operation
                        + " call"
                        + (members.isEmpty() ? "" : " with " + describe(members, expected, ", "));

        CodeBuildRequest actual = decoded(theOnlyCall(operation, expectation), expectation);

        List<SdkField<?>> differing =
                members.stream()
                        .filter(member -> !hasTheSameValue(member, expected, actual))
                        .toList();
        if (!differing.isEmpty()) {
            throw failure(
                    expectation,
                    "one with " + describe(differing, actual, ", "),
                    describe(members, expected, "\n"),
                    describe(members, actual, "\n"));
        }
        return sameTypeAs(expected, actual);
    }

    void notCalled(Class<? extends CodeBuildRequest> requestType) {
        String operation = operationOf(requestType, "assertNotCalled(Class)");

        List<RecordedCall> received = callsOf(operation);

        if (!received.isEmpty()) {
            throw failure(
                    "no " + operation + " call",
                    String.valueOf(received.size()),
                    0,
                    received.size());
        }
    }

    /** The operation of a request class, as {@code X-Amz-Target} names it. */
    private static String operationOf(Class<?> requestType, String method) {
        if (Modifier.isAbstract(requestType.getModifiers())) {
            throw new IllegalArgumentException(
                    method
                            + " takes the class of one operation's request, such as"
                            + " StartBuildRequest.class, not "
                            + requestType.getSimpleName());
        }
        String name = requestType.getSimpleName();
        return name.endsWith("Request")
                ? name.substring(0, name.length() - "Request".length())
                : name;
    }

    private List<RecordedCall> callsOf(String operation) {
        return calls.stream().filter(call -> call.operation().equals(operation)).toList();
    }

    private RecordedCall theOnlyCall(String operation, String expectation) {
        List<RecordedCall> received = callsOf(operation);
        if (received.size() != 1) {
            String count = received.isEmpty() ? "none" : String.valueOf(received.size());
            throw failure(expectation, count, 1, received.size());
        }
        return received.get(0);
    }

    private CodeBuildRequest decoded(RecordedCall call, String expectation) {
        return call.request()
                .orElseThrow(
                        () ->
                                failure(
                                        expectation,
                                        "one whose body it could not decode",
                                        null,
                                        null));
    }

    @SuppressWarnings("unchecked") // The call was decoded into the request class of its operation.
    private static <T extends CodeBuildRequest> T sameTypeAs(T expected, CodeBuildRequest actual) {
        return (T) expected.getClass().cast(actual);
    }

    /**
     * The members a request sets. The SDK fills a list or map member nobody set with an empty
     * auto-construct collection, which never travels on the wire, so it counts as unset.
     */
    private static List<SdkField<?>> setMembers(CodeBuildRequest request) {
        return request.sdkFields().stream()
                .filter(member -> isSet(value(member, request)))
                .toList();
    }

    /**
     * Whether the actual request sets a member to the expected value. An empty list the expected
     * request sets is not matched by a list nobody set, though {@code equals} says it is: the SDK
     * sends the one and leaves out the other.
     */
    private static boolean hasTheSameValue(
            SdkField<?> member, CodeBuildRequest expected, CodeBuildRequest actual) {
        Object actualValue = value(member, actual);
        return isSet(actualValue) && actualValue.equals(value(member, expected));
    }

    private static boolean isSet(Object value) {
        return value != null
                && !(value instanceof SdkAutoConstructList)
                && !(value instanceof SdkAutoConstructMap);
    }

    private static Object value(SdkField<?> member, CodeBuildRequest request) {
        return member.getValueOrDefault(request);
    }

    private static String describe(
            List<SdkField<?>> members, CodeBuildRequest request, String separator) {
        return members.stream()
                .map(member -> member.locationName() + " " + rendered(member, request))
                .collect(Collectors.joining(separator));
    }

    private static String rendered(SdkField<?> member, CodeBuildRequest request) {
        Object value = value(member, request);
        return isSet(value) ? shortened(MemberJson.of(member, value)) : "not set";
    }

    private AssertionFailedError failure(
            String expectation, String received, Object expected, Object actual) {
        String message =
                "Expected "
                        + expectation
                        + ", but the fake CodeBuild of "
                        + owner
                        + " ("
                        + endpoint
                        + ") received "
                        + received
                        + ".\n"
                        + listing();
        return expected == null
                ? new AssertionFailedError(message)
                : new AssertionFailedError(message, expected, actual);
    }

    private String listing() {
        if (calls.isEmpty()) {
            return "Calls received: (none)";
        }
        StringBuilder text = new StringBuilder("Calls received (" + calls.size() + "):");
        int listed = Math.min(calls.size(), MAX_LISTED);
        for (int i = 0; i < listed; i++) {
            text.append("\n  ")
                    .append(i + 1)
                    .append(". ")
                    .append(shortened(calls.get(i).toString()));
        }
        if (calls.size() > listed) {
            text.append("\n  ... and ").append(calls.size() - listed).append(" more");
        }
        return text.toString();
    }

    /** Cut a text at {@link #MAX_TEXT} characters, never inside a surrogate pair. */
    static String shortened(String text) {
        if (text.length() <= MAX_TEXT) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_TEXT - 1)) ? MAX_TEXT - 1 : MAX_TEXT;
        return text.substring(0, end) + "... (" + (text.length() - end) + " more characters)";
    }
}
