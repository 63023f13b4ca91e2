package dev.fakecodebuild.internal.server;

import software.amazon.awssdk.services.codebuild.model.CodeBuildRequest;

/**
 * What the fake answers to one call, and what it understood of it.
 *
 * @param operation the operation named by the call, or {@code ""}
 * @param request the decoded request, or {@code null}
 * @param statusCode the HTTP status
 * @param body the JSON body
 * @param errorCode the error code of a failed call, or {@code null}
 */
record Answer(
        String operation, CodeBuildRequest request, int statusCode, String body, String errorCode) {

    static Answer success(String operation, CodeBuildRequest request, String body) {
        return new Answer(operation, request, 200, body, null);
    }

    static Answer error(
            String operation,
            CodeBuildRequest request,
            int statusCode,
            String errorCode,
            String message) {
        StringBuilder body = new StringBuilder(64 + message.length());
        body.append("{\"__type\":");
        Json.writeString(body, errorCode);
        body.append(",\"message\":");
        Json.writeString(body, message);
        body.append('}');
        return new Answer(operation, request, statusCode, body.toString(), errorCode);
    }
}
