package dev.fakecodebuild.internal.server;

import dev.fakecodebuild.internal.operations.Operation;
import dev.fakecodebuild.internal.operations.Operations;
import dev.fakecodebuild.internal.operations.ServiceException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.codebuild.model.CodeBuildRequest;
import software.amazon.awssdk.services.codebuild.model.CodeBuildResponse;

/**
 * Turns one HTTP request into an {@link Answer}: routes it by {@code X-Amz-Target}, decodes its
 * body into the SDK's request class, runs the operation and encodes the response or the error. It
 * never throws: every failure becomes an answer in CodeBuild's error form.
 */
final class Dispatcher {

    static final String TARGET_PREFIX = "CodeBuild_20161006.";
    private static final String UNKNOWN_OPERATION = "UnknownOperationException";

    private final Operations operations;

    Dispatcher(Operations operations) {
        this.operations = operations;
    }

    /**
     * Answer one request.
     *
     * @param body the body decoded as UTF-8, or {@code null} if it was not valid UTF-8
     */
    Answer answer(String method, String path, String target, String body) {
        String operation = operationName(target);
        if (!method.equals("POST")) {
            return Answer.error(
                    operation,
                    null,
                    405,
                    UNKNOWN_OPERATION,
                    "CodeBuild answers only POST requests to /, not " + method + " " + path);
        }
        if (!path.equals("/")) {
            return Answer.error(
                    operation,
                    null,
                    404,
                    UNKNOWN_OPERATION,
                    "CodeBuild answers only POST requests to /, not POST " + path);
        }
        if (target == null) {
            return Answer.error(
                    operation,
                    null,
                    400,
                    UNKNOWN_OPERATION,
                    "Missing X-Amz-Target header: a CodeBuild call names its operation as"
                            + " X-Amz-Target: "
                            + TARGET_PREFIX
                            + "<Operation>");
        }
        if (!target.startsWith(TARGET_PREFIX)) {
            return Answer.error(
                    operation,
                    null,
                    400,
                    UNKNOWN_OPERATION,
                    "X-Amz-Target '"
                            + target
                            + "' names no CodeBuild operation: expected "
                            + TARGET_PREFIX
                            + "<Operation>");
        }
        Optional<Supplier<SdkPojo>> requestBuilder = operations.requestBuilder(operation);
        if (requestBuilder.isEmpty()) {
            return Answer.error(
                    operation,
                    null,
                    400,
                    UNKNOWN_OPERATION,
                    "CodeBuild has no operation named '" + operation + "'");
        }
        Optional<Operation<?>> implemented = operations.implemented(operation);
        CodeBuildRequest request;
        try {
            request = decode(requestBuilder.get(), body);
        } catch (MalformedRequestException e) {
            return implemented.isEmpty()
                    ? notImplemented(operation, null)
                    : Answer.error(operation, null, 400, "SerializationException", e.getMessage());
        }
        if (implemented.isEmpty()) {
            return notImplemented(operation, request);
        }
        return invoke(implemented.get(), request);
    }

    /**
     * Return the CodeBuild operation a well-formed call names: {@code POST /} with an {@code
     * X-Amz-Target} of an operation CodeBuild has. Only such calls can be given a fault.
     */
    Optional<String> operationOf(String method, String path, String target) {
        if (!method.equals("POST")
                || !path.equals("/")
                || target == null
                || !target.startsWith(TARGET_PREFIX)) {
            return Optional.empty();
        }
        String operation = operationName(target);
        return operations.requestBuilder(operation).map(builder -> operation);
    }

    /**
     * Decode the request of a call the operation will not see, because a fault answers it.
     *
     * @return the request, or {@code null} if the body does not decode
     */
    CodeBuildRequest decodeIfPossible(String operation, String body) {
        try {
            return decode(operations.requestBuilder(operation).orElseThrow(), body);
        } catch (MalformedRequestException e) {
            return null;
        }
    }

    private static String operationName(String target) {
        if (target == null) {
            return "";
        }
        return target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length()) : target;
    }

    private static CodeBuildRequest decode(Supplier<SdkPojo> requestBuilder, String body) {
        if (body == null) {
            throw new MalformedRequestException("The request body is not valid UTF-8");
        }
        // AWS JSON servers must take an empty body as an empty object (Smithy awsJson1_1 spec).
        Object json = body.isBlank() ? Map.of() : Json.read(body);
        if (!(json instanceof Map)) {
            throw new MalformedRequestException("The request body must be a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> members = (Map<String, Object>) json;
        return (CodeBuildRequest) AwsJsonCodec.decode(requestBuilder.get(), members);
    }

    private static Answer notImplemented(String operation, CodeBuildRequest request) {
        return Answer.error(
                operation,
                request,
                400,
                UNKNOWN_OPERATION,
                "fake-codebuild does not implement "
                        + operation
                        + " yet;"
                        + " the README lists the operations it serves");
    }

    private static Answer invoke(Operation<?> operation, CodeBuildRequest request) {
        try {
            CodeBuildResponse response = operation.invoke(request);
            return Answer.success(operation.name(), request, AwsJsonCodec.encode(response));
        } catch (ServiceException e) {
            return Answer.error(
                    operation.name(), request, e.statusCode(), e.errorCode(), e.getMessage());
        } catch (RuntimeException | StackOverflowError | AssertionError | LinkageError e) {
            // A bug of the fake, reported to the caller; errors that leave the JVM unwell, such
            // as running out of memory, are left to JUnit.
            return Answer.error(
                    operation.name(),
                    request,
                    500,
                    "InternalFailure",
                    internalFailure(operation, e));
        }
    }

    private static String internalFailure(Operation<?> operation, Throwable e) {
        StackTraceElement[] trace = e.getStackTrace();
        String where = trace.length == 0 ? "" : " at " + trace[0];
        return "fake-codebuild failed while serving "
                + operation.name()
                + ": "
                + e
                + where
                + ". This is a bug in fake-codebuild; please report it with this message";
    }
}
