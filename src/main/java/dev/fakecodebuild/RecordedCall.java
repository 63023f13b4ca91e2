package dev.fakecodebuild;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.codebuild.model.CodeBuildRequest;

/**
 * {@code RecordedCall} is one HTTP request the fake received, with the answer it gave.
 *
 * <p>It is an immutable value. Calls the fake refused are recorded too: look at {@link
 * #statusCode()} and {@link #errorCode()}.
 *
 * @since 0.1.0
 */
public final class RecordedCall {

    private final String operation;
    private final CodeBuildRequest request;
    private final String method;
    private final String path;
    private final Map<String, List<String>> headers;
    private final String body;
    private final int statusCode;
    private final String errorCode;

    /**
     * Create a recorded call; the fake does this, tests rarely need to.
     *
     * @param operation the operation named by {@code X-Amz-Target}, or {@code ""}
     * @param request the decoded request, or {@code null} if the body could not be decoded
     * @param method the HTTP method
     * @param path the request path
     * @param headers the request headers; names are stored in lower case
     * @param body the request body as text
     * @param statusCode the HTTP status of the answer
     * @param errorCode the error code of a failed answer, or {@code null}
     */
    public RecordedCall(
            String operation,
            CodeBuildRequest request,
            String method,
            String path,
            Map<String, List<String>> headers,
            String body,
            int statusCode,
            String errorCode) {
        this.operation = Objects.requireNonNull(operation, "operation");
        this.request = request;
        this.method = Objects.requireNonNull(method, "method");
        this.path = Objects.requireNonNull(path, "path");
        this.headers = copyHeaders(headers);
        this.body = Objects.requireNonNull(body, "body");
        this.statusCode = statusCode;
        this.errorCode = errorCode;
    }

    private static Map<String, List<String>> copyHeaders(Map<String, List<String>> headers) {
        var copy = new java.util.TreeMap<String, List<String>>();
        headers.forEach(
                (name, values) -> copy.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        return java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * Return the operation the call named in its {@code X-Amz-Target} header, without the {@code
     * CodeBuild_20161006.} prefix.
     *
     * @return for example {@code ListBuildBatchesForProject}; {@code ""} if the header was missing;
     *     the whole header value if it did not start with the CodeBuild prefix
     */
    public String operation() {
        return operation;
    }

    /**
     * Return the request decoded into the SDK's own request class.
     *
     * @return the request, equal to the one the client built; empty if the body was not valid JSON
     *     or the call named no CodeBuild operation
     */
    public Optional<CodeBuildRequest> request() {
        return Optional.ofNullable(request);
    }

    /**
     * Return the HTTP method.
     *
     * @return for example {@code POST}
     */
    public String method() {
        return method;
    }

    /**
     * Return the request path.
     *
     * @return for example {@code /}
     */
    public String path() {
        return path;
    }

    /**
     * Return the request headers.
     *
     * @return an immutable map from lower-case header name to its values, sorted by name
     */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /**
     * Return the first value of a request header.
     *
     * @param name the header name, in any case
     * @return the first value, or empty if the header was absent
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * Return the request body as the client sent it, decoded as UTF-8.
     *
     * @return the body; {@code ""} if it was empty
     */
    public String body() {
        return body;
    }

    /**
     * Return the HTTP status the fake answered with.
     *
     * @return for example {@code 200}, or {@code 400} for a refused call; {@code 0} for a call
     *     whose connection the fake dropped without answering ({@link Fault#dropConnection()})
     */
    public int statusCode() {
        return statusCode;
    }

    /**
     * Return the error code of a failed call, as sent in the body's {@code __type}.
     *
     * @return for example {@code InvalidInputException}; empty for a successful call
     */
    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof RecordedCall that)) {
            return false;
        }
        return statusCode == that.statusCode
                && operation.equals(that.operation)
                && Objects.equals(request, that.request)
                && method.equals(that.method)
                && path.equals(that.path)
                && headers.equals(that.headers)
                && body.equals(that.body)
                && Objects.equals(errorCode, that.errorCode);
    }

    @Override
    public int hashCode() {
        return Objects.hash(operation, request, method, path, headers, body, statusCode, errorCode);
    }

    /**
     * Return a one-line summary, for assertion messages.
     *
     * @return for example {@code ListBuildBatchesForProject -> 200 {"projectName":"web-app"}};
     *     {@code ListProjects -> connection dropped, no answer {}} for a call whose connection a
     *     fault dropped
     */
    @Override
    public String toString() {
        String name = operation.isEmpty() ? method + " " + path : operation;
        String outcome;
        if (statusCode == 0) {
            outcome = "connection dropped, no answer";
        } else {
            outcome = errorCode == null ? String.valueOf(statusCode) : statusCode + " " + errorCode;
        }
        return name + " -> " + outcome + " " + body;
    }
}
