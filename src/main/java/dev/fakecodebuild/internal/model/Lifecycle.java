package dev.fakecodebuild.internal.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.codebuild.model.Build;
import software.amazon.awssdk.services.codebuild.model.BuildBatch;
import software.amazon.awssdk.services.codebuild.model.BuildBatchPhase;
import software.amazon.awssdk.services.codebuild.model.BuildBatchPhaseType;
import software.amazon.awssdk.services.codebuild.model.BuildPhase;
import software.amazon.awssdk.services.codebuild.model.BuildPhaseType;
import software.amazon.awssdk.services.codebuild.model.BuildSummary;
import software.amazon.awssdk.services.codebuild.model.StatusType;

/**
 * How builds and batches look as they start and finish: their status, phases, times and flags, kept
 * consistent the way CodeBuild keeps them. Pure functions of the SDK's immutable objects.
 *
 * <p>A build that starts is {@code IN_PROGRESS} in phase {@code QUEUED}, after a {@code SUBMITTED}
 * phase that took no time. A build that finishes goes through every remaining phase to {@code
 * COMPLETED}; the phase it was in takes the time up to its end, the others none. A failure ({@code
 * FAILED}, {@code FAULT}, {@code TIMED_OUT}) is the status of its {@code BUILD} phase; a stop ends
 * the phase it was in as {@code STOPPED}, then {@code FINALIZING} and {@code COMPLETED} follow.
 *
 * <p>A batch that starts is {@code IN_PROGRESS} in phase {@code SUBMITTED} with no phases yet. A
 * batch that finishes gets {@code SUBMITTED}, {@code DOWNLOAD_BATCHSPEC} and {@code IN_PROGRESS}
 * (which takes the batch's time and carries its outcome), {@code COMBINE_ARTIFACTS} when it
 * succeeded, and a last phase named after the outcome: {@code SUCCEEDED}, {@code STOPPED}, or
 * {@code FAILED} for every failure. A retried batch keeps the phases of its earlier attempts, the
 * last one closed with the status it ended in, and opens the next attempt with a {@code SUBMITTED}
 * phase.
 */
final class Lifecycle {

    private static final List<BuildPhaseType> BUILD_PHASES =
            List.of(
                    BuildPhaseType.SUBMITTED,
                    BuildPhaseType.QUEUED,
                    BuildPhaseType.PROVISIONING,
                    BuildPhaseType.DOWNLOAD_SOURCE,
                    BuildPhaseType.INSTALL,
                    BuildPhaseType.PRE_BUILD,
                    BuildPhaseType.BUILD,
                    BuildPhaseType.POST_BUILD,
                    BuildPhaseType.UPLOAD_ARTIFACTS,
                    BuildPhaseType.FINALIZING);

    private Lifecycle() {}

    static boolean finished(StatusType status) {
        return status != StatusType.IN_PROGRESS;
    }

    /** A build that was just started at the given time. */
    static Build startedBuild(Build build, Instant start) {
        return build.toBuilder()
                .startTime(start)
                .endTime(null)
                .buildStatus(StatusType.IN_PROGRESS)
                .buildComplete(false)
                .currentPhase(BuildPhaseType.QUEUED.toString())
                .phases(
                        closedPhase(BuildPhaseType.SUBMITTED, StatusType.SUCCEEDED, start, start),
                        BuildPhase.builder()
                                .phaseType(BuildPhaseType.QUEUED)
                                .startTime(start)
                                .build())
                .build();
    }

    /** A running build, finished with the given status at the given time. */
    static Build finishedBuild(Build build, StatusType status, Instant end) {
        List<BuildPhase> phases = new ArrayList<>(build.phases());
        BuildPhaseType reached = BuildPhaseType.SUBMITTED;
        if (!phases.isEmpty()) {
            BuildPhase last = phases.remove(phases.size() - 1);
            reached = last.phaseType();
            Instant from = last.startTime() == null ? end : last.startTime();
            StatusType lastStatus =
                    status == StatusType.STOPPED
                            ? StatusType.STOPPED
                            : last.phaseType() == BuildPhaseType.BUILD
                                    ? status
                                    : StatusType.SUCCEEDED;
            phases.add(closedPhase(last.phaseType(), lastStatus, from, end));
        }
        int next = BUILD_PHASES.indexOf(reached) + 1;
        if (status == StatusType.STOPPED) {
            next = Math.max(next, BUILD_PHASES.indexOf(BuildPhaseType.FINALIZING));
        }
        for (BuildPhaseType type : BUILD_PHASES.subList(next, BUILD_PHASES.size())) {
            StatusType phaseStatus = type == BuildPhaseType.BUILD ? status : StatusType.SUCCEEDED;
            phases.add(closedPhase(type, phaseStatus, end, end));
        }
        phases.add(BuildPhase.builder().phaseType(BuildPhaseType.COMPLETED).startTime(end).build());
        return build.toBuilder()
                .endTime(end)
                .buildStatus(status)
                .buildComplete(true)
                .currentPhase(BuildPhaseType.COMPLETED.toString())
                .phases(phases)
                .build();
    }

    private static BuildPhase closedPhase(
            BuildPhaseType type, StatusType status, Instant start, Instant end) {
        return BuildPhase.builder()
                .phaseType(type)
                .phaseStatus(status)
                .startTime(start)
                .endTime(end)
                .durationInSeconds(seconds(start, end))
                .build();
    }

    /** A batch that was just started, or retried, at the given time. */
    static BuildBatch startedBatch(BuildBatch batch, Instant start) {
        return batch.toBuilder()
                .startTime(batch.startTime() == null ? start : batch.startTime())
                .endTime(null)
                .buildBatchStatus(StatusType.IN_PROGRESS)
                .complete(false)
                .currentPhase(BuildBatchPhaseType.SUBMITTED.toString())
                .build();
    }

    /** A running batch, finished with the given status at the given time. */
    static BuildBatch finishedBatch(BuildBatch batch, StatusType status, Instant end) {
        Instant attemptStart = batch.startTime() == null ? end : batch.startTime();
        List<BuildBatchPhase> phases = new ArrayList<>(batch.phases());
        BuildBatchPhase open = phases.isEmpty() ? null : phases.get(phases.size() - 1);
        if (open != null
                && open.phaseType() == BuildBatchPhaseType.SUBMITTED
                && open.endTime() == null
                && open.startTime() != null) {
            // A retried batch: its earlier attempt's phases stay, and this attempt began with the
            // open SUBMITTED phase the retry added.
            phases.remove(phases.size() - 1);
            attemptStart = open.startTime();
        }
        phases.add(batchPhase(BuildBatchPhaseType.SUBMITTED, attemptStart, attemptStart));
        phases.add(batchPhase(BuildBatchPhaseType.DOWNLOAD_BATCHSPEC, attemptStart, attemptStart));
        phases.add(
                batchPhase(BuildBatchPhaseType.IN_PROGRESS, attemptStart, end).toBuilder()
                        .phaseStatus(status)
                        .build());
        if (status == StatusType.SUCCEEDED) {
            phases.add(batchPhase(BuildBatchPhaseType.COMBINE_ARTIFACTS, end, end));
        }
        BuildBatchPhaseType last = lastBatchPhase(status);
        phases.add(BuildBatchPhase.builder().phaseType(last).startTime(end).build());
        return batch.toBuilder()
                .endTime(end)
                .buildBatchStatus(status)
                .complete(true)
                .currentPhase(last.toString())
                .phases(phases)
                .build();
    }

    /**
     * The phase a batch with the given status is in. CodeBuild has no batch phase for FAULT or
     * TIMED_OUT; such batches end in FAILED.
     */
    static BuildBatchPhaseType lastBatchPhase(StatusType status) {
        return switch (status) {
            case IN_PROGRESS -> BuildBatchPhaseType.IN_PROGRESS;
            case SUCCEEDED -> BuildBatchPhaseType.SUCCEEDED;
            case STOPPED -> BuildBatchPhaseType.STOPPED;
            default -> BuildBatchPhaseType.FAILED;
        };
    }

    /**
     * A finished batch, made ready to run again: its last phase is closed at the given time with
     * the status the batch had, and a new {@code SUBMITTED} phase opens the next attempt.
     */
    static BuildBatch retriedBatch(BuildBatch batch, Instant at) {
        List<BuildBatchPhase> phases = new ArrayList<>(batch.phases());
        if (!phases.isEmpty()) {
            BuildBatchPhase last = phases.remove(phases.size() - 1);
            Instant from = last.startTime() == null ? at : last.startTime();
            phases.add(
                    batchPhase(last.phaseType(), from, at).toBuilder()
                            .phaseStatus(batch.buildBatchStatusAsString())
                            .build());
        }
        phases.add(
                BuildBatchPhase.builder()
                        .phaseType(BuildBatchPhaseType.SUBMITTED)
                        .startTime(at)
                        .build());
        return startedBatch(batch.toBuilder().phases(phases).build(), at);
    }

    private static BuildBatchPhase batchPhase(
            BuildBatchPhaseType type, Instant start, Instant end) {
        return BuildBatchPhase.builder()
                .phaseType(type)
                .phaseStatus(StatusType.SUCCEEDED)
                .startTime(start)
                .endTime(end)
                .durationInSeconds(seconds(start, end))
                .build();
    }

    /** The summary of a build that a batch's build group shows. */
    static BuildSummary summary(Build build) {
        return BuildSummary.builder()
                .arn(build.arn())
                .requestedOn(build.startTime())
                .buildStatus(build.buildStatusAsString())
                .build();
    }

    private static long seconds(Instant start, Instant end) {
        return Math.max(0, Duration.between(start, end).toSeconds());
    }
}
