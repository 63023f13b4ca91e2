package dev.fakecodebuild.internal.model;

import dev.fakecodebuild.internal.model.Contents.ProjectEntry;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.codebuild.model.BuildBatch;
import software.amazon.awssdk.services.codebuild.model.BuildBatchPhaseType;
import software.amazon.awssdk.services.codebuild.model.Project;
import software.amazon.awssdk.services.codebuild.model.StatusType;

/**
 * The in-memory CodeBuild of one fake: its projects and build batches.
 *
 * <p>Every method is atomic: one lock guards the contents, which is cheap next to an HTTP call and
 * keeps numbering and snapshots simple. {@link #snapshot()} is O(1): the contents are frozen and
 * copied by the first write after it.
 */
public final class CodeBuildModel {

    /** CodeBuild's rule for project names (ProjectName in the service model). */
    private static final Pattern PROJECT_NAME =
            Pattern.compile("[A-Za-z0-9][A-Za-z0-9\\-_]{1,149}");

    private final Arns arns;
    private final Clock clock;

    private Contents contents = Contents.empty();
    private boolean frozen;

    /** The latest time an item was given, by the caller or by the model. */
    private Instant latestTime = Instant.EPOCH;

    /**
     * Create an empty model.
     *
     * @param arns builds the ARNs of this model's region and account
     * @param clock the source of the times the model fills in
     */
    public CodeBuildModel(Arns arns, Clock clock) {
        this.arns = arns;
        this.clock = clock;
    }

    /**
     * Return the ARNs of this model's region and account.
     *
     * @return the ARN builder
     */
    public Arns arns() {
        return arns;
    }

    /**
     * Add a project, filling its ARN and times.
     *
     * @param given the project as the caller described it
     * @return the stored project
     * @throws IllegalArgumentException if the name is missing, invalid or taken
     */
    public synchronized Project addProject(Project given) {
        String name = given.name();
        if (name == null) {
            throw new IllegalArgumentException(
                    "A project needs a name: set it with p.name(\"...\")");
        }
        if (!PROJECT_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "Project name \""
                            + name
                            + "\" is not one CodeBuild accepts: use 2 to 150 letters, digits,"
                            + " '-' or '_', starting with a letter or digit");
        }
        if (contents.projects.containsKey(name)) {
            throw new IllegalArgumentException(
                    "A project named \"" + name + "\" was already added");
        }
        Instant created = given.created() == null ? nextTime() : seen(given.created());
        Project project =
                given.toBuilder()
                        .arn(given.arn() == null ? arns.project(name) : given.arn())
                        .created(created)
                        .lastModified(
                                given.lastModified() == null
                                        ? created
                                        : millis(given.lastModified()))
                        .build();
        writable().projects.put(name, new ProjectEntry(project));
        return project;
    }

    /**
     * Add a build batch to an existing project, filling what the caller left out.
     *
     * @param given the batch as the caller described it
     * @return the stored batch
     * @throws IllegalArgumentException if the batch cannot belong to this model as described
     */
    public synchronized BuildBatch addBuildBatch(BuildBatch given) {
        String projectName = given.projectName();
        if (projectName == null) {
            throw new IllegalArgumentException(
                    "A build batch needs a projectName: set it with b.projectName(\"...\")");
        }
        ProjectEntry entry = contents.projects.get(projectName);
        if (entry == null) {
            throw new IllegalArgumentException(
                    "No project named \""
                            + projectName
                            + "\": add it with addProject(\""
                            + projectName
                            + "\") before adding its build batches");
        }
        String id = given.id() == null ? projectName + ":" + UUID.randomUUID() : given.id();
        if (!id.startsWith(projectName + ":")) {
            throw new IllegalArgumentException(
                    "Build batch id \""
                            + id
                            + "\" does not start with \""
                            + projectName
                            + ":\", the name of its project");
        }
        if (contents.buildBatches.containsKey(id)) {
            throw new IllegalArgumentException(
                    "A build batch with id \"" + id + "\" was already added");
        }
        long number = buildBatchNumber(given, entry);
        StatusType status =
                given.buildBatchStatusAsString() == null
                        ? StatusType.IN_PROGRESS
                        : given.buildBatchStatus();
        if (status == StatusType.UNKNOWN_TO_SDK_VERSION) {
            throw new IllegalArgumentException(
                    "Build batch status \""
                            + given.buildBatchStatusAsString()
                            + "\" is not one of "
                            + StatusType.knownValues());
        }
        boolean finished = status != StatusType.IN_PROGRESS;
        Instant start = given.startTime() == null ? nextTime() : seen(given.startTime());
        Instant end = given.endTime() != null ? millis(given.endTime()) : finished ? start : null;
        if (end != null && end.isBefore(start)) {
            throw new IllegalArgumentException(
                    "Build batch endTime "
                            + end
                            + " is before its startTime "
                            + start
                            + (given.startTime() == null
                                    ? ", which the fake gave it: set startTime too"
                                    : ""));
        }
        BuildBatch batch =
                given.toBuilder()
                        .id(id)
                        .arn(given.arn() == null ? arns.buildBatch(id) : given.arn())
                        .buildBatchNumber(number)
                        .buildBatchStatus(status)
                        .startTime(start)
                        .endTime(end)
                        .complete(given.complete() == null ? finished : given.complete())
                        .currentPhase(
                                given.currentPhase() == null
                                        ? currentPhase(status).toString()
                                        : given.currentPhase())
                        .build();

        Contents writable = writable();
        ProjectEntry writableEntry = writable.projects.get(projectName);
        writableEntry.buildBatchesByNumber.put(number, batch);
        writableEntry.lastBuildBatchNumber = Math.max(writableEntry.lastBuildBatchNumber, number);
        writable.buildBatches.put(id, batch);
        return batch;
    }

    private static long buildBatchNumber(BuildBatch given, ProjectEntry entry) {
        if (given.buildBatchNumber() == null) {
            if (entry.lastBuildBatchNumber == Long.MAX_VALUE) {
                throw new IllegalArgumentException(
                        "Project \""
                                + entry.project.name()
                                + "\" has no build batch number left after "
                                + Long.MAX_VALUE
                                + ": set buildBatchNumber on the batch");
            }
            return entry.lastBuildBatchNumber + 1;
        }
        long number = given.buildBatchNumber();
        if (number < 1) {
            throw new IllegalArgumentException(
                    "Build batch number " + number + " is below 1; CodeBuild counts from 1");
        }
        if (entry.buildBatchesByNumber.containsKey(number)) {
            throw new IllegalArgumentException(
                    "Build batch number "
                            + number
                            + " is already used in project \""
                            + entry.project.name()
                            + "\"");
        }
        return number;
    }

    /**
     * The phase a batch with the given status is in. CodeBuild has no batch phase for FAULT or
     * TIMED_OUT; such batches end in FAILED.
     */
    private static BuildBatchPhaseType currentPhase(StatusType status) {
        return switch (status) {
            case IN_PROGRESS -> BuildBatchPhaseType.IN_PROGRESS;
            case SUCCEEDED -> BuildBatchPhaseType.SUCCEEDED;
            case STOPPED -> BuildBatchPhaseType.STOPPED;
            default -> BuildBatchPhaseType.FAILED;
        };
    }

    /**
     * Return the projects in the order they were added.
     *
     * @return an immutable list
     */
    public synchronized List<Project> projects() {
        return contents.projects.values().stream().map(entry -> entry.project).toList();
    }

    /**
     * Return the project of the given name.
     *
     * @param name a project name
     * @return the project, or empty
     */
    public synchronized Optional<Project> project(String name) {
        return Optional.ofNullable(contents.projects.get(name)).map(entry -> entry.project);
    }

    /**
     * Return the build batches of every project in the order they were added.
     *
     * @return an immutable list
     */
    public synchronized List<BuildBatch> buildBatches() {
        return List.copyOf(contents.buildBatches.values());
    }

    /**
     * Return the build batch with the given id.
     *
     * @param id a batch id
     * @return the batch, or empty
     */
    public synchronized Optional<BuildBatch> buildBatch(String id) {
        return Optional.ofNullable(contents.buildBatches.get(id));
    }

    /**
     * Return up to {@code limit} batches of a project that match a filter, in number order,
     * starting after a given number.
     *
     * @param projectName the project
     * @param ascending whether to go from low numbers to high
     * @param after the number to start after (exclusive), or {@code null} to start at the end the
     *     order begins with
     * @param filter which batches to keep
     * @param limit the most batches to return
     * @return the batches, or empty if there is no such project
     */
    public synchronized Optional<List<BuildBatch>> buildBatchesOf(
            String projectName,
            boolean ascending,
            Long after,
            Predicate<BuildBatch> filter,
            int limit) {
        ProjectEntry entry = contents.projects.get(projectName);
        if (entry == null) {
            return Optional.empty();
        }
        NavigableMap<Long, BuildBatch> byNumber = entry.buildBatchesByNumber;
        NavigableMap<Long, BuildBatch> range;
        if (ascending) {
            range = after == null ? byNumber : byNumber.tailMap(after, false);
        } else {
            range = (after == null ? byNumber : byNumber.headMap(after, false)).descendingMap();
        }
        // No range.size(): on a sub-map view it counts every entry, making pages cost O(n).
        List<BuildBatch> page = new ArrayList<>(Math.min(limit, 128));
        for (BuildBatch batch : range.values()) {
            if (page.size() == limit) {
                break;
            }
            if (filter.test(batch)) {
                page.add(batch);
            }
        }
        return Optional.of(page);
    }

    /**
     * Freeze the current contents so that {@link #restore(Snapshot)} can go back to them.
     *
     * @return the snapshot
     */
    public synchronized Snapshot snapshot() {
        frozen = true;
        return new Snapshot(contents);
    }

    /**
     * Go back to what the model held when the snapshot was taken.
     *
     * @param snapshot a snapshot of this model, or {@link Snapshot#EMPTY}
     */
    public synchronized void restore(Snapshot snapshot) {
        contents = Objects.requireNonNull(snapshot, "snapshot").contents;
        frozen = true;
    }

    private Contents writable() {
        if (frozen) {
            contents = contents.copy();
            frozen = false;
        }
        return contents;
    }

    /**
     * A time for a new item: now, to the millisecond as on the wire, and later than every time an
     * item was given before, so that items sort by time in the order they were added.
     */
    private Instant nextTime() {
        Instant now = millis(clock.instant());
        latestTime = now.isAfter(latestTime) ? now : latestTime.plusMillis(1);
        return latestTime;
    }

    /** A time the caller gave, to the millisecond; later generated times come after it. */
    private Instant seen(Instant given) {
        Instant time = millis(given);
        if (time.isAfter(latestTime)) {
            latestTime = time;
        }
        return time;
    }

    private static Instant millis(Instant time) {
        return time.truncatedTo(ChronoUnit.MILLIS);
    }
}
