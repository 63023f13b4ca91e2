package dev.fakecodebuild.internal.server;

/**
 * A request body the fake cannot decode: not JSON, or JSON whose values do not fit the operation's
 * members. It is answered with 400 {@code SerializationException}, as AWS JSON services answer such
 * bodies.
 */
final class MalformedRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    MalformedRequestException(String message) {
        super(message, null, false, false);
    }
}
