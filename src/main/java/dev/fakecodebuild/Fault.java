package dev.fakecodebuild;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code Fault} is what the fake does to a call instead of answering it normally: answer with an
 * error, answer late, or drop the connection.
 *
 * <p>A test sets faults with {@link FakeCodeBuildState#failNext(String, int, Fault)} and {@link
 * FakeCodeBuildState#failEvery(String, Fault)}, to see how the code under test copes with
 * throttling, a service that is down, a slow answer or a broken connection.
 *
 * <pre>{@code
 * state.failNext("StartBuild", 2, Fault.throttling());
 * state.failEvery("BatchGetBuilds", Fault.delay(Duration.ofSeconds(2)));
 * }</pre>
 *
 * <p>It is an immutable value: two faults made with the same arguments are equal.
 *
 * @since 0.1.0
 */
public final class Fault {

    /** The longest delay the fake waits before answering. */
    private static final Duration LONGEST_DELAY = Duration.ofMinutes(5);

    private static final Fault THROTTLING = error(400, "ThrottlingException", "Rate exceeded");
    private static final Fault SERVICE_UNAVAILABLE =
            error(503, "ServiceUnavailableException", "Service Unavailable");
    private static final Fault DROP_CONNECTION = new Fault(0, null, null, null);

    /** The status of an error answer, or 0 for a delay or a dropped connection. */
    private final int statusCode;

    private final String errorCode;
    private final String message;
    private final Duration delay;

    private Fault(int statusCode, String errorCode, String message, Duration delay) {
        this.statusCode = statusCode;
        this.errorCode = errorCode;
        this.message = message;
        this.delay = delay;
    }

    /**
     * Return a fault that answers with the given HTTP status and CodeBuild's error body, {@code
     * {"__type":errorCode,"message":message}}.
     *
     * <p>The SDK turns the answer into the exception the error code names, for example {@code
     * InvalidInputException} for {@code error(400, "InvalidInputException", "Bad input")}, and into
     * a {@code CodeBuildException} carrying the code for a code it does not model.
     *
     * @param statusCode the HTTP status, from 400 to 599
     * @param errorCode the error code, for example {@code InvalidInputException}
     * @param message the error message; may be empty
     * @return the fault
     * @throws IllegalArgumentException if the status is not from 400 to 599, or the error code is
     *     blank
     * @throws NullPointerException if the error code or the message is {@code null}
     * @since 0.1.0
     */
    public static Fault error(int statusCode, String errorCode, String message) {
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(message, "message");
        if (statusCode < 400 || statusCode > 599) {
            throw new IllegalArgumentException(
                    "statusCode "
                            + statusCode
                            + " is not an error status: use 400 to 599, for example 400 for a"
                            + " refused call or 503 for a service that is down");
        }
        if (errorCode.isBlank()) {
            throw new IllegalArgumentException(
                    "errorCode is blank: give the code CodeBuild would send, for example"
                            + " InvalidInputException");
        }
        return new Fault(statusCode, errorCode, message, null);
    }

    /**
     * Return a fault that answers as CodeBuild does when a caller exceeds its rate: {@code 400
     * ThrottlingException} "Rate exceeded".
     *
     * <p>The SDK counts this error code as throttling: its standard retries try again, and with
     * retries off the exception's {@code isThrottlingException()} is {@code true}.
     *
     * @return the fault
     * @since 0.1.0
     */
    public static Fault throttling() {
        return THROTTLING;
    }

    /**
     * Return a fault that answers as a service that is down: {@code 503
     * ServiceUnavailableException} "Service Unavailable".
     *
     * <p>The SDK's standard retries try a 503 again, whatever its error code.
     *
     * @return the fault
     * @since 0.1.0
     */
    public static Fault serviceUnavailable() {
        return SERVICE_UNAVAILABLE;
    }

    /**
     * Return a fault that answers the call normally, but only after the given delay.
     *
     * <p>The call does its work and is recorded when it arrives; only its answer waits. Other calls
     * are answered meanwhile. A client whose timeout is shorter than the delay gives up, while the
     * call has had its effect, as a call to CodeBuild can.
     *
     * @param delay how long the answer waits; more than zero and at most five minutes
     * @return the fault
     * @throws IllegalArgumentException if the delay is zero, negative or longer than five minutes
     * @throws NullPointerException if the delay is {@code null}
     * @since 0.1.0
     */
    public static Fault delay(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isZero() || delay.isNegative()) {
            throw new IllegalArgumentException(
                    "delay " + delay + " is not positive: give a delay longer than zero");
        }
        if (delay.compareTo(LONGEST_DELAY) > 0) {
            throw new IllegalArgumentException(
                    "delay "
                            + delay
                            + " is longer than "
                            + LONGEST_DELAY
                            + ", the longest the fake waits: give a shorter delay");
        }
        return new Fault(0, null, null, delay);
    }

    /**
     * Return a fault that closes the connection without answering.
     *
     * <p>The SDK reports an I/O error: an {@code SdkClientException} caused by an {@code
     * IOException} (with the Apache HTTP client, a {@code NoHttpResponseException}). The next call
     * comes on a new connection and is answered as usual.
     *
     * @return the fault
     * @since 0.1.0
     */
    public static Fault dropConnection() {
        return DROP_CONNECTION;
    }

    /**
     * Return the HTTP status of an error fault.
     *
     * @return the status; empty for a delay or a dropped connection
     * @since 0.1.0
     */
    public OptionalInt statusCode() {
        return errorCode == null ? OptionalInt.empty() : OptionalInt.of(statusCode);
    }

    /**
     * Return the error code of an error fault.
     *
     * @return for example {@code ThrottlingException}; empty for a delay or a dropped connection
     * @since 0.1.0
     */
    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    /**
     * Return the error message of an error fault.
     *
     * @return for example {@code Rate exceeded}; empty for a delay or a dropped connection
     * @since 0.1.0
     */
    public Optional<String> message() {
        return Optional.ofNullable(message);
    }

    /**
     * Return how long a delay fault holds back the answer.
     *
     * @return the delay; empty for an error or a dropped connection
     * @since 0.1.0
     */
    public Optional<Duration> delay() {
        return Optional.ofNullable(delay);
    }

    /**
     * Return whether this fault closes the connection without answering.
     *
     * @return {@code true} only for {@link #dropConnection()}
     * @since 0.1.0
     */
    public boolean dropsConnection() {
        return errorCode == null && delay == null;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Fault that)) {
            return false;
        }
        return statusCode == that.statusCode
                && Objects.equals(errorCode, that.errorCode)
                && Objects.equals(message, that.message)
                && Objects.equals(delay, that.delay);
    }

    @Override
    public int hashCode() {
        return Objects.hash(statusCode, errorCode, message, delay);
    }

    /**
     * Return the fault as the call that makes it, for assertion messages.
     *
     * @return for example {@code Fault.error(400, "ThrottlingException", "Rate exceeded")}, {@code
     *     Fault.delay(PT2S)} or {@code Fault.dropConnection()}
     */
    @Override
    public String toString() {
        if (errorCode != null) {
            return "Fault.error(" + statusCode + ", \"" + errorCode + "\", \"" + message + "\")";
        }
        return delay != null ? "Fault.delay(" + delay + ")" : "Fault.dropConnection()";
    }
}
