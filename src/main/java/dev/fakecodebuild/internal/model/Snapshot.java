package dev.fakecodebuild.internal.model;

/**
 * A frozen copy of everything a {@link CodeBuildModel} holds, to go back to with {@link
 * CodeBuildModel#restore(Snapshot)}.
 */
public final class Snapshot {

    /** The snapshot of a model that holds nothing. */
    public static final Snapshot EMPTY = new Snapshot(Contents.empty());

    final Contents contents;

    Snapshot(Contents contents) {
        this.contents = contents;
    }
}
