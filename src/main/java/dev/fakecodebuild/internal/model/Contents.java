package dev.fakecodebuild.internal.model;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import software.amazon.awssdk.services.codebuild.model.Build;
import software.amazon.awssdk.services.codebuild.model.BuildBatch;
import software.amazon.awssdk.services.codebuild.model.Project;
import software.amazon.awssdk.services.codebuild.model.StatusType;

/**
 * The mutable data behind a {@link CodeBuildModel}. The SDK model objects it holds are immutable,
 * so a copy only copies the containers.
 *
 * <p>Builds and batches are kept by a sequence number shared by both, given in the order they were
 * added; listings across projects follow it. Each project also keeps its own builds and batches by
 * their CodeBuild numbers, which listings of one project follow.
 */
final class Contents {

    /** Projects by name, in the order they were added. */
    final Map<String, ProjectEntry> projects;

    /** Build batches of every project by sequence. */
    final NavigableMap<Long, BuildBatch> buildBatches;

    /** The sequence of each build batch, by id. */
    final Map<String, Long> buildBatchSequences;

    /** Builds of every project by sequence. */
    final NavigableMap<Long, Build> builds;

    /** The sequence of each build, by id. */
    final Map<String, Long> buildSequences;

    /** Calls that carried an idempotency token, by operation and token. */
    final Map<String, IdempotentStart> idempotentStarts;

    /** The last numbers of deleted projects, by name, for a project created again under it. */
    final Map<String, LastNumbers> deletedProjects;

    /** Builds and batches the test asked to finish on a later read, by {@code kind:id}. */
    final Map<String, FinishOnRead> finishesOnRead;

    /** The highest sequence given out. */
    long lastSequence;

    /**
     * The latest time an item was given, by the caller or by the model; part of the contents so
     * that a time seeded in one test does not push the times of later tests.
     */
    Instant latestTime;

    private Contents(
            Map<String, ProjectEntry> projects,
            NavigableMap<Long, BuildBatch> buildBatches,
            Map<String, Long> buildBatchSequences,
            NavigableMap<Long, Build> builds,
            Map<String, Long> buildSequences,
            Map<String, IdempotentStart> idempotentStarts,
            Map<String, LastNumbers> deletedProjects,
            Map<String, FinishOnRead> finishesOnRead,
            long lastSequence,
            Instant latestTime) {
        this.projects = projects;
        this.buildBatches = buildBatches;
        this.buildBatchSequences = buildBatchSequences;
        this.builds = builds;
        this.buildSequences = buildSequences;
        this.idempotentStarts = idempotentStarts;
        this.deletedProjects = deletedProjects;
        this.finishesOnRead = finishesOnRead;
        this.lastSequence = lastSequence;
        this.latestTime = latestTime;
    }

    static Contents empty() {
        return new Contents(
                new LinkedHashMap<>(),
                new TreeMap<>(),
                new HashMap<>(),
                new TreeMap<>(),
                new HashMap<>(),
                new HashMap<>(),
                new HashMap<>(),
                new HashMap<>(),
                0,
                Instant.EPOCH);
    }

    Contents copy() {
        var projectsCopy = new LinkedHashMap<String, ProjectEntry>();
        projects.forEach((name, entry) -> projectsCopy.put(name, entry.copy()));
        return new Contents(
                projectsCopy,
                new TreeMap<>(buildBatches),
                new HashMap<>(buildBatchSequences),
                new TreeMap<>(builds),
                new HashMap<>(buildSequences),
                new HashMap<>(idempotentStarts),
                new HashMap<>(deletedProjects),
                new HashMap<>(finishesOnRead),
                lastSequence,
                latestTime);
    }

    /** A project with the builds and batches that belong to it. */
    static final class ProjectEntry {

        final Project project;

        /** The project's batches by {@code buildBatchNumber}. */
        final NavigableMap<Long, BuildBatch> buildBatchesByNumber;

        /** The project's builds by {@code buildNumber}. */
        final NavigableMap<Long, Build> buildsByNumber;

        /** The highest batch number the project has given out; numbers are never reused. */
        long lastBuildBatchNumber;

        /** The highest build number the project has given out; numbers are never reused. */
        long lastBuildNumber;

        ProjectEntry(Project project, LastNumbers numbers) {
            this(
                    project,
                    new TreeMap<>(),
                    new TreeMap<>(),
                    numbers.lastBuildBatchNumber(),
                    numbers.lastBuildNumber());
        }

        LastNumbers lastNumbers() {
            return new LastNumbers(lastBuildBatchNumber, lastBuildNumber);
        }

        private ProjectEntry(
                Project project,
                NavigableMap<Long, BuildBatch> batches,
                NavigableMap<Long, Build> builds,
                long lastBatchNumber,
                long lastBuildNumber) {
            this.project = project;
            this.buildBatchesByNumber = batches;
            this.buildsByNumber = builds;
            this.lastBuildBatchNumber = lastBatchNumber;
            this.lastBuildNumber = lastBuildNumber;
        }

        ProjectEntry copy() {
            return new ProjectEntry(
                    project,
                    new TreeMap<>(buildBatchesByNumber),
                    new TreeMap<>(buildsByNumber),
                    lastBuildBatchNumber,
                    lastBuildNumber);
        }

        ProjectEntry withProject(Project changed) {
            return new ProjectEntry(
                    changed,
                    buildBatchesByNumber,
                    buildsByNumber,
                    lastBuildBatchNumber,
                    lastBuildNumber);
        }
    }

    /**
     * The highest numbers a project gave out.
     *
     * @param lastBuildBatchNumber the highest {@code buildBatchNumber}, or 0
     * @param lastBuildNumber the highest {@code buildNumber}, or 0
     */
    record LastNumbers(long lastBuildBatchNumber, long lastBuildNumber) {

        static final LastNumbers NONE = new LastNumbers(0, 0);
    }

    /**
     * A start that carried an idempotency token: what was asked, what it created, and when.
     *
     * @param request the request, to compare a repeated call with
     * @param id the id of the build or batch the call created
     * @param at when the call was made
     */
    record IdempotentStart(Object request, String id, Instant at) {}

    /**
     * A finish the test asked for on a later read.
     *
     * @param readsLeft how many more reads, this one included, until the item finishes
     * @param status the status it finishes with
     */
    record FinishOnRead(int readsLeft, StatusType status) {}
}
