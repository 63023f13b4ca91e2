package dev.fakecodebuild.internal.model;

/**
 * A change the model refuses because of what it holds: something named is missing, a name is taken,
 * or an item is not in a state that allows the change. Seeding passes it on to the test as the
 * {@link IllegalArgumentException} it is; operations turn its {@link #reason()} into CodeBuild's
 * error.
 */
public final class ModelException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Why a change was refused. */
    public enum Reason {
        /** A project, build or batch named by the change does not exist. */
        NOT_FOUND,
        /** The name or id is taken. */
        ALREADY_EXISTS,
        /** The item is not in a state that allows the change. */
        WRONG_STATE,
        /** An idempotency token was used before with other parameters. */
        TOKEN_MISMATCH
    }

    private final Reason reason;

    ModelException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /**
     * Return why the change was refused.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }
}
