package dev.fakecodebuild.internal.model;

import dev.fakecodebuild.internal.model.Contents.FinishOnRead;
import dev.fakecodebuild.internal.model.Contents.IdempotentStart;
import dev.fakecodebuild.internal.model.Contents.LastNumbers;
import dev.fakecodebuild.internal.model.Contents.ProjectEntry;
import dev.fakecodebuild.internal.model.ModelException.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.codebuild.model.Build;
import software.amazon.awssdk.services.codebuild.model.BuildBatch;
import software.amazon.awssdk.services.codebuild.model.BuildGroup;
import software.amazon.awssdk.services.codebuild.model.BuildSummary;
import software.amazon.awssdk.services.codebuild.model.ExportedEnvironmentVariable;
import software.amazon.awssdk.services.codebuild.model.Project;
import software.amazon.awssdk.services.codebuild.model.RetryBuildBatchType;
import software.amazon.awssdk.services.codebuild.model.StatusType;

/**
 * The in-memory CodeBuild of one fake: its projects, builds and build batches, and how they change.
 *
 * <p>Every method is atomic: one lock guards the contents, which is cheap next to an HTTP call and
 * keeps numbering, the links between batches and their builds, and snapshots simple. {@link
 * #snapshot()} is O(1): the contents are frozen and copied by the first write after it.
 *
 * <p>Changes the contents refuse throw {@link ModelException}; input that could never be right
 * throws a plain {@link IllegalArgumentException}.
 */
public final class CodeBuildModel {

    /** CodeBuild's rule for project names (ProjectName in the service model). */
    private static final Pattern PROJECT_NAME =
            Pattern.compile("[A-Za-z0-9][A-Za-z0-9\\-_]{1,149}");

    /** How long CodeBuild honours an idempotency token. */
    private static final Duration IDEMPOTENCY_WINDOW = Duration.ofMinutes(5);

    /** The build group a batch finished by the test is given when it has no builds. */
    static final String DOWNLOAD_SOURCE_GROUP = "DOWNLOAD_SOURCE";

    private static final String BUILD_READ = "build:";
    private static final String BATCH_READ = "batch:";

    private final Arns arns;
    private final Clock clock;

    private Contents contents = Contents.empty();
    private boolean frozen;

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

    // ---------------------------------------------------------------------------------- projects

    /**
     * Add a project, filling its ARN and times.
     *
     * @param given the project as the caller described it
     * @return the stored project
     * @throws IllegalArgumentException if the name is missing or invalid
     * @throws ModelException {@code ALREADY_EXISTS} if the name is taken
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
            throw new ModelException(
                    Reason.ALREADY_EXISTS, "A project named \"" + name + "\" was already added");
        }
        Instant created =
                given.created() == null ? nextTime() : seen("Project created", given.created());
        Project project =
                given.toBuilder()
                        .arn(given.arn() == null ? arns.project(name) : given.arn())
                        .created(created)
                        .lastModified(
                                given.lastModified() == null
                                        ? created
                                        : given("Project lastModified", given.lastModified()))
                        .build();
        Contents writable = writable();
        LastNumbers numbers = writable.deletedProjects.remove(name);
        writable.projects.put(
                name, new ProjectEntry(project, numbers == null ? LastNumbers.NONE : numbers));
        return project;
    }

    /**
     * Change a project and set its {@code lastModified} to now.
     *
     * @param name the project name
     * @param change the change, given the stored project's builder
     * @return the changed project
     * @throws ModelException {@code NOT_FOUND} if there is no such project
     */
    public synchronized Project updateProject(String name, UnaryOperator<Project.Builder> change) {
        ProjectEntry entry = projectEntry(name);
        Project changed =
                change.apply(entry.project.toBuilder())
                        .name(name)
                        .arn(entry.project.arn())
                        .created(entry.project.created())
                        .lastModified(nextTime())
                        .build();
        // The entry read above may be frozen in a snapshot; its copy must keep the builds.
        Contents writable = writable();
        writable.projects.put(name, writable.projects.get(name).withProject(changed));
        return changed;
    }

    /**
     * Delete a project. Its builds and batches stay, as CodeBuild keeps them, and so do its
     * numbers: a project created again under the name goes on from them, so that no two builds or
     * batches of one name share a number.
     *
     * @param name the project name
     * @return whether there was such a project
     */
    public synchronized boolean deleteProject(String name) {
        if (!contents.projects.containsKey(name)) {
            return false;
        }
        Contents writable = writable();
        writable.deletedProjects.put(name, writable.projects.remove(name).lastNumbers());
        return true;
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

    private ProjectEntry projectEntry(String name) {
        ProjectEntry entry = contents.projects.get(name);
        if (entry == null) {
            throw new ModelException(
                    Reason.NOT_FOUND,
                    "No project named \""
                            + name
                            + "\": add it with addProject(\""
                            + name
                            + "\") first");
        }
        return entry;
    }

    // ----------------------------------------------------------------------------- build batches

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
        ProjectEntry entry = seededProject(projectName, "build batches");
        String id = given.id() == null ? newId(projectName) : given.id();
        checkId("Build batch", id, projectName);
        checkArn("Build batch", given.arn(), id);
        if (contents.buildBatchSequences.containsKey(id)) {
            throw new IllegalArgumentException(
                    "A build batch with id \"" + id + "\" was already added");
        }
        long number =
                number(
                        "Build batch",
                        given.buildBatchNumber(),
                        entry.lastBuildBatchNumber,
                        entry.buildBatchesByNumber,
                        entry,
                        "buildBatchNumber");
        StatusType status =
                status("Build batch", given.buildBatchStatusAsString(), given.buildBatchStatus());
        boolean finished = Lifecycle.finished(status);
        Instant start =
                given.startTime() == null
                        ? nextTime()
                        : seen("Build batch startTime", given.startTime());
        Instant end =
                given.endTime() != null
                        ? given("Build batch endTime", given.endTime())
                        : finished ? start : null;
        checkEnd("Build batch", start, end, given.startTime() == null);
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
                                        ? Lifecycle.lastBatchPhase(status).toString()
                                        : given.currentPhase())
                        .build();
        if (finished && !given.hasPhases()) {
            batch =
                    batch.toBuilder()
                            .phases(Lifecycle.finishedBatch(batch, status, end).phases())
                            .build();
        }
        insertBuildBatch(batch);
        return batch;
    }

    /**
     * Start a build batch of an existing project.
     *
     * @param template the batch's settings, with its project name; the model gives it an id, ARN,
     *     number, start time and the state of a batch just started
     * @param idempotency the call's idempotency token and request, or {@code null}
     * @return the started batch, or the batch an earlier call with the same token started if it was
     *     not deleted since
     * @throws ModelException {@code NOT_FOUND} if there is no such project, {@code TOKEN_MISMATCH}
     *     if the token was used with another request
     */
    public synchronized BuildBatch startBuildBatch(BuildBatch template, Idempotency idempotency) {
        Optional<BuildBatch> earlier = earlierStart(idempotency).flatMap(this::buildBatch);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        ProjectEntry entry = projectEntry(template.projectName());
        String id = newId(entry.project.name());
        BuildBatch batch =
                Lifecycle.startedBatch(
                        template.toBuilder()
                                .id(id)
                                .arn(arns.buildBatch(id))
                                .buildBatchNumber(
                                        following(
                                                "Build batch",
                                                entry.lastBuildBatchNumber,
                                                entry,
                                                "buildBatchNumber"))
                                .build(),
                        nextTime());
        insertBuildBatch(batch);
        remember(idempotency, id);
        return batch;
    }

    /**
     * Stop a running build batch and its running builds.
     *
     * @param id the batch id
     * @return the stopped batch
     * @throws ModelException {@code NOT_FOUND} if there is no such batch, {@code WRONG_STATE} if it
     *     has finished
     */
    public synchronized BuildBatch stopBuildBatch(String id) {
        return finishBuildBatch(id, StatusType.STOPPED);
    }

    /**
     * Finish a running build batch with the given status, and its running builds with it.
     *
     * <p>A batch with no builds is given one, in a build group named {@code DOWNLOAD_SOURCE}, the
     * group every real batch has, unless its project was deleted.
     *
     * @param id the batch id
     * @param status the status it ends with; not {@code IN_PROGRESS}
     * @return the finished batch
     * @throws ModelException {@code NOT_FOUND} if there is no such batch, {@code WRONG_STATE} if it
     *     has finished
     */
    public synchronized BuildBatch finishBuildBatch(String id, StatusType status) {
        BuildBatch batch = runningBuildBatch(id);
        // A batch whose project was deleted can still end, but no new build can join it.
        if (batch.buildGroups().isEmpty() && contents.projects.containsKey(batch.projectName())) {
            addToBatch(batch, DOWNLOAD_SOURCE_GROUP, startedBuildFromBatch(batch));
            batch = buildBatchOrThrow(id);
        }
        for (BuildGroup group : batch.buildGroups()) {
            Build build = buildOfSummary(group.currentBuildSummary());
            if (build != null && !Boolean.TRUE.equals(build.buildComplete())) {
                putBuild(Lifecycle.finishedBuild(build, status, nextTime()));
                dropFinishOnRead(BUILD_READ + build.id());
            }
        }
        BuildBatch finished = Lifecycle.finishedBatch(buildBatchOrThrow(id), status, nextTime());
        putBuildBatch(finished);
        dropFinishOnRead(BATCH_READ + id);
        return finished;
    }

    /**
     * Run a failed build batch again.
     *
     * @param id the batch id
     * @param retryType which builds run again; {@code RETRY_FAILED_BUILDS} keeps those that
     *     succeeded
     * @param idempotency the call's idempotency token and request, or {@code null}
     * @return the batch, in progress again with new builds in its groups
     * @throws ModelException {@code NOT_FOUND} if there is no such batch, {@code WRONG_STATE} if it
     *     did not fail, {@code TOKEN_MISMATCH} if the token was used with another request
     */
    public synchronized BuildBatch retryBuildBatch(
            String id, RetryBuildBatchType retryType, Idempotency idempotency) {
        Optional<String> earlier = earlierStart(idempotency);
        if (earlier.isPresent()) {
            return buildBatchOrThrow(earlier.get());
        }
        BuildBatch batch = buildBatchOrThrow(id);
        StatusType status = batch.buildBatchStatus();
        if (status == StatusType.IN_PROGRESS
                || status == StatusType.SUCCEEDED
                || status == StatusType.STOPPED) {
            throw new ModelException(
                    Reason.WRONG_STATE,
                    "Build batch " + id + " is " + status + "; only a failed batch can be retried");
        }
        // A group's new build can still be refused after earlier groups got theirs.
        Snapshot before = snapshot();
        try {
            return retryGroups(batch, retryType, idempotency);
        } catch (RuntimeException e) {
            restore(before);
            throw e;
        }
    }

    private BuildBatch retryGroups(
            BuildBatch batch, RetryBuildBatchType retryType, Idempotency idempotency) {
        BuildBatch retried = Lifecycle.retriedBatch(batch, nextTime());
        List<BuildGroup> groups = new ArrayList<>();
        for (BuildGroup group : batch.buildGroups()) {
            BuildSummary current = group.currentBuildSummary();
            Build build = buildOfSummary(current);
            boolean succeeded =
                    current != null
                            && StatusType.SUCCEEDED
                                    .toString()
                                    .equals(current.buildStatusAsString());
            if (retryType == RetryBuildBatchType.RETRY_FAILED_BUILDS && succeeded) {
                groups.add(group);
                continue;
            }
            // A build deleted since the batch ran runs again with the batch's settings.
            Build rerun = insertBuild(startedCopy(build == null ? buildOfBatch(batch) : build));
            List<BuildSummary> prior = new ArrayList<>(group.priorBuildSummaryList());
            if (current != null) {
                prior.add(current);
            }
            groups.add(
                    group.toBuilder()
                            .currentBuildSummary(Lifecycle.summary(rerun))
                            .priorBuildSummaryList(prior)
                            .build());
        }
        BuildBatch running = retried.toBuilder().buildGroups(groups).build();
        putBuildBatch(running);
        remember(idempotency, batch.id());
        return running;
    }

    /**
     * Delete a finished build batch and its builds.
     *
     * @param id the batch id
     * @return the ARNs of the builds deleted with it
     * @throws ModelException {@code NOT_FOUND} if there is no such batch, {@code WRONG_STATE} if it
     *     is still running
     */
    public synchronized List<String> deleteBuildBatch(String id) {
        BuildBatch batch = buildBatchOrThrow(id);
        if (!Lifecycle.finished(batch.buildBatchStatus())) {
            throw new ModelException(
                    Reason.WRONG_STATE,
                    "Build batch " + id + " is in progress; stop it before deleting it");
        }
        List<String> deleted = new ArrayList<>();
        for (BuildGroup group : batch.buildGroups()) {
            List<BuildSummary> summaries = new ArrayList<>(group.priorBuildSummaryList());
            summaries.add(group.currentBuildSummary());
            for (BuildSummary summary : summaries) {
                Build build = buildOfSummary(summary);
                if (build != null) {
                    removeBuild(build);
                    deleted.add(build.arn());
                }
            }
        }
        Contents writable = writable();
        Long sequence = writable.buildBatchSequences.remove(id);
        writable.buildBatches.remove(sequence);
        ProjectEntry entry = writable.projects.get(batch.projectName());
        if (entry != null) {
            entry.buildBatchesByNumber.remove(batch.buildBatchNumber(), batch);
        }
        return deleted;
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
        return Optional.ofNullable(contents.buildBatchSequences.get(id))
                .map(contents.buildBatches::get);
    }

    /**
     * Return a page of build batches that match a filter: those of one project in {@code
     * buildBatchNumber} order, or those of every project in the order they were added.
     *
     * @param projectName the project, or {@code null} for every project
     * @param ascending whether to go from old to new
     * @param after the key to start after (exclusive), as a page's {@link Page#continueAfter()}
     *     gave it, or {@code null} to start at the beginning
     * @param filter which batches to keep
     * @param limit the most batches to return
     * @return the page, or empty if there is no such project
     */
    public synchronized Optional<Page<BuildBatch>> buildBatchesOf(
            String projectName,
            boolean ascending,
            Long after,
            Predicate<BuildBatch> filter,
            int limit) {
        if (projectName == null) {
            return Optional.of(page(contents.buildBatches, ascending, after, filter, limit));
        }
        return Optional.ofNullable(contents.projects.get(projectName))
                .map(entry -> page(entry.buildBatchesByNumber, ascending, after, filter, limit));
    }

    private BuildBatch buildBatchOrThrow(String id) {
        return buildBatch(id)
                .orElseThrow(
                        () ->
                                new ModelException(
                                        Reason.NOT_FOUND, "No build batch with id \"" + id + "\""));
    }

    private BuildBatch runningBuildBatch(String id) {
        BuildBatch batch = buildBatchOrThrow(id);
        if (Lifecycle.finished(batch.buildBatchStatus())) {
            throw new ModelException(
                    Reason.WRONG_STATE,
                    "Build batch "
                            + id
                            + " has already finished as "
                            + batch.buildBatchStatusAsString());
        }
        return batch;
    }

    private Optional<BuildBatch> buildBatchByArn(String arn) {
        int slash = arn.indexOf('/');
        return slash < 0
                ? Optional.empty()
                : buildBatch(arn.substring(slash + 1)).filter(batch -> arn.equals(batch.arn()));
    }

    private void insertBuildBatch(BuildBatch batch) {
        Contents writable = writable();
        long sequence = ++writable.lastSequence;
        writable.buildBatches.put(sequence, batch);
        writable.buildBatchSequences.put(batch.id(), sequence);
        ProjectEntry entry = writable.projects.get(batch.projectName());
        entry.buildBatchesByNumber.put(batch.buildBatchNumber(), batch);
        entry.lastBuildBatchNumber = Math.max(entry.lastBuildBatchNumber, batch.buildBatchNumber());
    }

    private void putBuildBatch(BuildBatch batch) {
        Contents writable = writable();
        writable.buildBatches.put(writable.buildBatchSequences.get(batch.id()), batch);
        ProjectEntry entry = writable.projects.get(batch.projectName());
        if (entry != null) {
            entry.buildBatchesByNumber.computeIfPresent(
                    batch.buildBatchNumber(),
                    (number, stored) -> stored.id().equals(batch.id()) ? batch : stored);
        }
    }

    // ------------------------------------------------------------------------------------ builds

    /**
     * Add a build to an existing project, filling what the caller left out. A build whose {@code
     * buildBatchArn} names a batch joins that batch in a new build group.
     *
     * @param given the build as the caller described it
     * @return the stored build
     * @throws IllegalArgumentException if the build cannot belong to this model as described
     */
    public synchronized Build addBuild(Build given) {
        String projectName = given.projectName();
        if (projectName == null) {
            throw new IllegalArgumentException(
                    "A build needs a projectName: set it with b.projectName(\"...\")");
        }
        ProjectEntry entry = seededProject(projectName, "builds");
        String id = given.id() == null ? newId(projectName) : given.id();
        checkId("Build", id, projectName);
        checkArn("Build", given.arn(), id);
        if (contents.buildSequences.containsKey(id)) {
            throw new IllegalArgumentException("A build with id \"" + id + "\" was already added");
        }
        BuildBatch batch = null;
        if (given.buildBatchArn() != null) {
            batch =
                    buildBatchByArn(given.buildBatchArn())
                            .filter(found -> found.projectName().equals(projectName))
                            .orElseThrow(
                                    () ->
                                            new IllegalArgumentException(
                                                    "No build batch of project \""
                                                            + projectName
                                                            + "\" has the ARN \""
                                                            + given.buildBatchArn()
                                                            + "\": add the batch first"));
        }
        long number =
                number(
                        "Build",
                        given.buildNumber(),
                        entry.lastBuildNumber,
                        entry.buildsByNumber,
                        entry,
                        "buildNumber");
        StatusType status = status("Build", given.buildStatusAsString(), given.buildStatus());
        Instant start =
                given.startTime() == null ? nextTime() : seen("Build startTime", given.startTime());
        Instant end = given.endTime() == null ? null : given("Build endTime", given.endTime());
        checkEnd("Build", start, end, given.startTime() == null);
        Build.Builder builder =
                given.toBuilder()
                        .id(id)
                        .arn(given.arn() == null ? arns.build(id) : given.arn())
                        .buildNumber(number);
        Build build = Lifecycle.startedBuild(builder.build(), start);
        if (Lifecycle.finished(status)) {
            build = Lifecycle.finishedBuild(build, status, end == null ? start : end);
        }
        // What the caller set wins over what the lifecycle fills in.
        Build.Builder stored = build.toBuilder();
        if (!given.phases().isEmpty()) {
            stored.phases(given.phases());
        }
        if (given.currentPhase() != null) {
            stored.currentPhase(given.currentPhase());
        }
        if (given.buildComplete() != null) {
            stored.buildComplete(given.buildComplete());
        }
        if (end != null) {
            stored.endTime(end);
        }
        build = insertBuild(stored.build());
        if (batch != null) {
            addToBatch(batch, "build" + (batch.buildGroups().size() + 1), build);
        }
        return build;
    }

    /**
     * Start a build of an existing project.
     *
     * @param template the build's settings, with its project name; the model gives it an id, ARN,
     *     number, start time and the state of a build just started
     * @param idempotency the call's idempotency token and request, or {@code null}
     * @return the started build, or the build an earlier call with the same token started if it was
     *     not deleted since
     * @throws ModelException {@code NOT_FOUND} if there is no such project, {@code TOKEN_MISMATCH}
     *     if the token was used with another request
     */
    public synchronized Build startBuild(Build template, Idempotency idempotency) {
        Optional<Build> earlier = earlierStart(idempotency).flatMap(this::build);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        projectEntry(template.projectName());
        Build build = insertBuild(startedCopy(template));
        remember(idempotency, build.id());
        return build;
    }

    /**
     * Stop a running build.
     *
     * @param id the build id
     * @return the stopped build
     * @throws ModelException {@code NOT_FOUND} if there is no such build, {@code WRONG_STATE} if it
     *     has finished
     */
    public synchronized Build stopBuild(String id) {
        return finishBuild(id, StatusType.STOPPED);
    }

    /**
     * Finish a running build with the given status.
     *
     * @param id the build id
     * @param status the status it ends with; not {@code IN_PROGRESS}
     * @return the finished build
     * @throws ModelException {@code NOT_FOUND} if there is no such build, {@code WRONG_STATE} if it
     *     has finished
     */
    public synchronized Build finishBuild(String id, StatusType status) {
        Build build = buildOrThrow(id);
        if (Boolean.TRUE.equals(build.buildComplete())) {
            throw new ModelException(
                    Reason.WRONG_STATE,
                    "Build " + id + " has already finished as " + build.buildStatusAsString());
        }
        Build finished = Lifecycle.finishedBuild(build, status, nextTime());
        putBuild(finished);
        dropFinishOnRead(BUILD_READ + id);
        return finished;
    }

    /**
     * Start a finished build again, as a new build with the same settings.
     *
     * @param id the build id
     * @param idempotency the call's idempotency token and request, or {@code null}
     * @return the new build, or the build an earlier call with the same token started if it was not
     *     deleted since
     * @throws ModelException {@code NOT_FOUND} if there is no such build or its project is gone,
     *     {@code WRONG_STATE} if it is still running, {@code TOKEN_MISMATCH} if the token was used
     *     with another request
     */
    public synchronized Build retryBuild(String id, Idempotency idempotency) {
        Optional<Build> earlier = earlierStart(idempotency).flatMap(this::build);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Build build = buildOrThrow(id);
        if (!Boolean.TRUE.equals(build.buildComplete())) {
            throw new ModelException(
                    Reason.WRONG_STATE,
                    "Build " + id + " is in progress; only a finished build can be retried");
        }
        projectEntry(build.projectName());
        // The new build runs alone, and what the earlier run produced is not carried over.
        Build settings =
                build.toBuilder()
                        .buildBatchArn(null)
                        .exportedEnvironmentVariables((List<ExportedEnvironmentVariable>) null)
                        .reportArns((List<String>) null)
                        .build();
        Build rerun = insertBuild(startedCopy(settings));
        remember(idempotency, rerun.id());
        return rerun;
    }

    /**
     * Delete builds that have finished.
     *
     * @param ids the build ids
     * @return the ARNs of the builds deleted, and for each build not deleted its id (its ARN if it
     *     exists) with {@code BUILD_IN_PROGRESS} or {@code BUILD_NOT_FOUND}
     */
    public synchronized DeletedBuilds deleteBuilds(List<String> ids) {
        List<String> deleted = new ArrayList<>();
        Map<String, String> notDeleted = new LinkedHashMap<>();
        for (String id : ids) {
            Optional<Build> build = build(id);
            if (build.isEmpty()) {
                notDeleted.put(id, "BUILD_NOT_FOUND");
            } else if (!Boolean.TRUE.equals(build.get().buildComplete())) {
                notDeleted.put(build.get().arn(), "BUILD_IN_PROGRESS");
            } else {
                removeBuild(build.get());
                deleted.add(build.get().arn());
            }
        }
        return new DeletedBuilds(deleted, notDeleted);
    }

    /**
     * What {@link #deleteBuilds(List)} did.
     *
     * @param deleted the ARNs of the deleted builds
     * @param notDeleted for each build not deleted, its id or ARN and why
     */
    public record DeletedBuilds(List<String> deleted, Map<String, String> notDeleted) {}

    /**
     * Return the builds of every project in the order they were added.
     *
     * @return an immutable list
     */
    public synchronized List<Build> builds() {
        return List.copyOf(contents.builds.values());
    }

    /**
     * Return the build with the given id.
     *
     * @param id a build id
     * @return the build, or empty
     */
    public synchronized Optional<Build> build(String id) {
        return Optional.ofNullable(contents.buildSequences.get(id)).map(contents.builds::get);
    }

    /**
     * Return a page of builds: those of one project in {@code buildNumber} order, or those of every
     * project in the order they were added.
     *
     * @param projectName the project, or {@code null} for every project
     * @param ascending whether to go from old to new
     * @param after the key to start after (exclusive), as a page's {@link Page#continueAfter()}
     *     gave it, or {@code null} to start at the beginning
     * @param limit the most builds to return
     * @return the page, or empty if there is no such project
     */
    public synchronized Optional<Page<Build>> buildsOf(
            String projectName, boolean ascending, Long after, int limit) {
        if (projectName == null) {
            return Optional.of(page(contents.builds, ascending, after, build -> true, limit));
        }
        return Optional.ofNullable(contents.projects.get(projectName))
                .map(entry -> page(entry.buildsByNumber, ascending, after, build -> true, limit));
    }

    private Build buildOrThrow(String id) {
        return build(id)
                .orElseThrow(
                        () ->
                                new ModelException(
                                        Reason.NOT_FOUND, "No build with id \"" + id + "\""));
    }

    private Build buildOfSummary(BuildSummary summary) {
        if (summary == null || summary.arn() == null) {
            return null;
        }
        int slash = summary.arn().indexOf('/');
        return slash < 0
                ? null
                : build(summary.arn().substring(slash + 1))
                        .filter(build -> summary.arn().equals(build.arn()))
                        .orElse(null);
    }

    /** A new build with the settings of the given one, just started, not yet stored. */
    private Build startedCopy(Build settings) {
        ProjectEntry entry = projectEntry(settings.projectName());
        String id = newId(entry.project.name());
        Build build =
                settings.toBuilder()
                        .id(id)
                        .arn(arns.build(id))
                        .buildNumber(
                                following("Build", entry.lastBuildNumber, entry, "buildNumber"))
                        .build();
        return Lifecycle.startedBuild(build, nextTime());
    }

    /** A build for a batch's group, with the batch's settings, just started. */
    private Build startedBuildFromBatch(BuildBatch batch) {
        return insertBuild(startedCopy(buildOfBatch(batch)));
    }

    /** The settings a build of the given batch runs with. */
    private static Build buildOfBatch(BuildBatch batch) {
        return Build.builder()
                .projectName(batch.projectName())
                .buildBatchArn(batch.arn())
                .source(batch.source())
                .sourceVersion(batch.sourceVersion())
                .resolvedSourceVersion(batch.resolvedSourceVersion())
                .secondarySources(batch.secondarySources())
                .secondarySourceVersions(batch.secondarySourceVersions())
                .environment(batch.environment())
                .serviceRole(batch.serviceRole())
                .timeoutInMinutes(batch.buildTimeoutInMinutes())
                .queuedTimeoutInMinutes(batch.queuedTimeoutInMinutes())
                .initiator(batch.initiator())
                .encryptionKey(batch.encryptionKey())
                .build();
    }

    private void addToBatch(BuildBatch batch, String identifier, Build build) {
        List<BuildGroup> groups = new ArrayList<>(batch.buildGroups());
        groups.add(
                BuildGroup.builder()
                        .identifier(identifier)
                        .ignoreFailure(false)
                        .currentBuildSummary(Lifecycle.summary(build))
                        .build());
        putBuildBatch(batch.toBuilder().buildGroups(groups).build());
    }

    private Build insertBuild(Build build) {
        Contents writable = writable();
        long sequence = ++writable.lastSequence;
        writable.builds.put(sequence, build);
        writable.buildSequences.put(build.id(), sequence);
        ProjectEntry entry = writable.projects.get(build.projectName());
        entry.buildsByNumber.put(build.buildNumber(), build);
        entry.lastBuildNumber = Math.max(entry.lastBuildNumber, build.buildNumber());
        return build;
    }

    /** Store a changed build, and show the change in the build group of its batch. */
    private void putBuild(Build build) {
        Contents writable = writable();
        writable.builds.put(writable.buildSequences.get(build.id()), build);
        ProjectEntry entry = writable.projects.get(build.projectName());
        if (entry != null) {
            entry.buildsByNumber.computeIfPresent(
                    build.buildNumber(),
                    (number, stored) -> stored.id().equals(build.id()) ? build : stored);
        }
        if (build.buildBatchArn() != null) {
            buildBatchByArn(build.buildBatchArn())
                    .ifPresent(batch -> putBuildBatch(withSummary(batch, build)));
        }
    }

    private static BuildBatch withSummary(BuildBatch batch, Build build) {
        List<BuildGroup> groups = new ArrayList<>();
        for (BuildGroup group : batch.buildGroups()) {
            BuildSummary current = group.currentBuildSummary();
            groups.add(
                    current != null && build.arn().equals(current.arn())
                            ? group.toBuilder()
                                    .currentBuildSummary(Lifecycle.summary(build))
                                    .build()
                            : group);
        }
        return batch.toBuilder().buildGroups(groups).build();
    }

    private void removeBuild(Build build) {
        Contents writable = writable();
        Long sequence = writable.buildSequences.remove(build.id());
        writable.builds.remove(sequence);
        ProjectEntry entry = writable.projects.get(build.projectName());
        if (entry != null) {
            entry.buildsByNumber.remove(build.buildNumber(), build);
        }
    }

    // --------------------------------------------------------------------------- finish on read

    /**
     * Finish a running build when the code under test reads it for the given time.
     *
     * @param id the build id
     * @param read which read finishes it, counting from 1; that read sees it finished
     * @param status the status it finishes with; not {@code IN_PROGRESS}
     * @throws ModelException {@code NOT_FOUND} if there is no such build, {@code WRONG_STATE} if it
     *     has finished
     */
    public synchronized void finishBuildOnRead(String id, int read, StatusType status) {
        Build build = buildOrThrow(id);
        if (Boolean.TRUE.equals(build.buildComplete())) {
            throw new ModelException(
                    Reason.WRONG_STATE,
                    "Build " + id + " has already finished as " + build.buildStatusAsString());
        }
        writable().finishesOnRead.put(BUILD_READ + id, new FinishOnRead(read, status));
    }

    /**
     * Finish a running build batch, and its builds, when the code under test reads it for the given
     * time.
     *
     * @param id the batch id
     * @param read which read finishes it, counting from 1; that read sees it finished
     * @param status the status it finishes with; not {@code IN_PROGRESS}
     * @throws ModelException {@code NOT_FOUND} if there is no such batch, {@code WRONG_STATE} if it
     *     has finished
     */
    public synchronized void finishBuildBatchOnRead(String id, int read, StatusType status) {
        runningBuildBatch(id);
        writable().finishesOnRead.put(BATCH_READ + id, new FinishOnRead(read, status));
    }

    /**
     * Return a build as the code under test reads it, finishing it first if the test asked for that
     * on this read.
     *
     * @param id a build id
     * @return the build, or empty
     */
    public synchronized Optional<Build> readBuild(String id) {
        Optional<StatusType> due = countRead(BUILD_READ + id);
        if (due.isPresent() && build(id).filter(CodeBuildModel::running).isPresent()) {
            finishBuild(id, due.get());
        }
        return build(id);
    }

    /**
     * Return a build batch as the code under test reads it, finishing it first if the test asked
     * for that on this read.
     *
     * @param id a batch id
     * @return the batch, or empty
     */
    public synchronized Optional<BuildBatch> readBuildBatch(String id) {
        Optional<StatusType> due = countRead(BATCH_READ + id);
        if (due.isPresent()
                && buildBatch(id)
                        .filter(batch -> !Lifecycle.finished(batch.buildBatchStatus()))
                        .isPresent()) {
            finishBuildBatch(id, due.get());
        }
        return buildBatch(id);
    }

    /** Count a read of an item the test asked to finish; the status once the read is due. */
    private Optional<StatusType> countRead(String key) {
        FinishOnRead pending = contents.finishesOnRead.get(key);
        if (pending == null) {
            return Optional.empty();
        }
        if (pending.readsLeft() > 1) {
            writable()
                    .finishesOnRead
                    .put(key, new FinishOnRead(pending.readsLeft() - 1, pending.status()));
            return Optional.empty();
        }
        writable().finishesOnRead.remove(key);
        return Optional.of(pending.status());
    }

    /**
     * End the test's request to finish an item on a later read: the item finished, so a retry of
     * it, or an item added later under its id, must not be finished by a count that was not theirs.
     */
    private void dropFinishOnRead(String key) {
        if (contents.finishesOnRead.containsKey(key)) {
            writable().finishesOnRead.remove(key);
        }
    }

    private static boolean running(Build build) {
        return !Boolean.TRUE.equals(build.buildComplete());
    }

    // ------------------------------------------------------------------------------- idempotency

    /**
     * The idempotency token of a start and the request it came with.
     *
     * @param key the operation and the token, so that tokens of different operations differ
     * @param request the request, compared with {@link Object#equals(Object)} when the token comes
     *     again
     */
    public record Idempotency(String key, Object request) {}

    private Optional<String> earlierStart(Idempotency idempotency) {
        if (idempotency == null) {
            return Optional.empty();
        }
        IdempotentStart earlier = contents.idempotentStarts.get(idempotency.key());
        if (earlier == null || earlier.at().plus(IDEMPOTENCY_WINDOW).isBefore(clock.instant())) {
            return Optional.empty();
        }
        if (!earlier.request().equals(idempotency.request())) {
            throw new ModelException(
                    Reason.TOKEN_MISMATCH,
                    "The idempotency token was used within the last 5 minutes with other"
                            + " parameters");
        }
        return Optional.of(earlier.id());
    }

    private void remember(Idempotency idempotency, String id) {
        if (idempotency != null) {
            writable()
                    .idempotentStarts
                    .put(
                            idempotency.key(),
                            new IdempotentStart(idempotency.request(), id, clock.instant()));
        }
    }

    // --------------------------------------------------------------------------------- snapshots

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

    // ----------------------------------------------------------------------------------- helpers

    private ProjectEntry seededProject(String projectName, String what) {
        ProjectEntry entry = contents.projects.get(projectName);
        if (entry == null) {
            throw new ModelException(
                    Reason.NOT_FOUND,
                    "No project named \""
                            + projectName
                            + "\": add it with addProject(\""
                            + projectName
                            + "\") before adding its "
                            + what);
        }
        return entry;
    }

    private static String newId(String projectName) {
        return projectName + ":" + UUID.randomUUID();
    }

    private static void checkId(String kind, String id, String projectName) {
        if (!id.startsWith(projectName + ":")) {
            throw new IllegalArgumentException(
                    kind
                            + " id \""
                            + id
                            + "\" does not start with \""
                            + projectName
                            + ":\", the name of its project");
        }
    }

    /**
     * A seeded ARN may name another region or account, but must end in the id: the model finds a
     * batch's builds, and a build's batch, by the id at the end of the ARN.
     */
    private static void checkArn(String kind, String arn, String id) {
        if (arn != null && !arn.endsWith("/" + id)) {
            throw new IllegalArgumentException(
                    kind + " ARN \"" + arn + "\" does not end with \"/" + id + "\", its id");
        }
    }

    private static long number(
            String kind,
            Long given,
            long last,
            NavigableMap<Long, ?> taken,
            ProjectEntry entry,
            String member) {
        if (given == null) {
            return following(kind, last, entry, member);
        }
        long number = given;
        if (number < 1) {
            throw new IllegalArgumentException(
                    kind + " number " + number + " is below 1; CodeBuild counts from 1");
        }
        if (taken.containsKey(number)) {
            throw new IllegalArgumentException(
                    kind
                            + " number "
                            + number
                            + " is already used in project \""
                            + entry.project.name()
                            + "\"");
        }
        return number;
    }

    /**
     * The number after the project's highest. A start through the API that finds none left (only a
     * seeded number can take the last one) fails as a fake's own failure would, with this reason,
     * rather than wrap below 1 and take another item's place in the project's listing.
     */
    private static long following(String kind, long last, ProjectEntry entry, String member) {
        if (last == Long.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "Project \""
                            + entry.project.name()
                            + "\" has no "
                            + kind.toLowerCase(Locale.ROOT)
                            + " number left after "
                            + Long.MAX_VALUE
                            + ": set "
                            + member
                            + (kind.equals("Build") ? " on the build" : " on the batch"));
        }
        return last + 1;
    }

    private static StatusType status(String kind, String raw, StatusType status) {
        if (raw == null) {
            return StatusType.IN_PROGRESS;
        }
        if (status == StatusType.UNKNOWN_TO_SDK_VERSION) {
            throw new IllegalArgumentException(
                    kind + " status \"" + raw + "\" is not one of " + StatusType.knownValues());
        }
        return status;
    }

    private static void checkEnd(String kind, Instant start, Instant end, boolean startFilledIn) {
        if (end != null && end.isBefore(start)) {
            throw new IllegalArgumentException(
                    kind
                            + " endTime "
                            + end
                            + " is before its startTime "
                            + start
                            + (startFilledIn ? ", which the fake gave it: set startTime too" : ""));
        }
    }

    /** Up to {@code limit} items after a key, in key order, and where the next page starts. */
    private static <T> Page<T> page(
            NavigableMap<Long, T> byKey,
            boolean ascending,
            Long after,
            Predicate<T> filter,
            int limit) {
        NavigableMap<Long, T> range;
        if (ascending) {
            range = after == null ? byKey : byKey.tailMap(after, false);
        } else {
            range = (after == null ? byKey : byKey.headMap(after, false)).descendingMap();
        }
        // No range.size(): on a sub-map view it counts every entry, making pages cost O(n).
        List<T> items = new ArrayList<>(Math.min(limit, 128));
        Long lastKey = null;
        for (Map.Entry<Long, T> entry : range.entrySet()) {
            if (!filter.test(entry.getValue())) {
                continue;
            }
            if (items.size() == limit) {
                return new Page<>(items, lastKey);
            }
            items.add(entry.getValue());
            lastKey = entry.getKey();
        }
        return new Page<>(items, null);
    }

    /**
     * A time for a new item: now, to the millisecond as on the wire, and later than every time an
     * item was given before, so that items sort by time in the order they were added.
     */
    private Instant nextTime() {
        Instant now = millis(clock.instant());
        Contents writable = writable();
        writable.latestTime =
                now.isAfter(writable.latestTime) ? now : writable.latestTime.plusMillis(1);
        return writable.latestTime;
    }

    /** A time the caller gave, to the millisecond; later generated times come after it. */
    private Instant seen(String member, Instant given) {
        Instant time = given(member, given);
        Contents writable = writable();
        if (time.isAfter(writable.latestTime)) {
            writable.latestTime = time;
        }
        return time;
    }

    /**
     * A time the caller gave, to the millisecond. A time the wire cannot carry is refused here:
     * stored, it would fail every answer that shows it, and as the latest time it would leave no
     * time for the items created after it.
     */
    private static Instant given(String member, Instant time) {
        try {
            return Instant.ofEpochMilli(time.toEpochMilli());
        } catch (ArithmeticException tooFar) {
            throw new IllegalArgumentException(
                    member
                            + " "
                            + time
                            + " cannot travel on the wire, where CodeBuild sends times as epoch"
                            + " milliseconds: use a time between "
                            + Instant.ofEpochMilli(Long.MIN_VALUE)
                            + " and "
                            + Instant.ofEpochMilli(Long.MAX_VALUE),
                    tooFar);
        }
    }

    private static Instant millis(Instant time) {
        return time.truncatedTo(ChronoUnit.MILLIS);
    }
}
