package dev.fakecodebuild;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codebuild.model.Build;
import software.amazon.awssdk.services.codebuild.model.BuildBatch;
import software.amazon.awssdk.services.codebuild.model.CodeBuildRequest;
import software.amazon.awssdk.services.codebuild.model.Project;
import software.amazon.awssdk.services.codebuild.model.StatusType;

/**
 * {@code FakeCodeBuildState} is the test's handle on the fake: it seeds what CodeBuild holds, moves
 * builds and batches along their lifecycle, and reports what CodeBuild was asked.
 *
 * <p>Declare a parameter of this exact type in a test method, a lifecycle method or a constructor
 * of a {@link FakeCodeBuild @FakeCodeBuild} class. Seeding takes and returns the AWS SDK's own
 * model classes; what the test leaves out is filled in the way CodeBuild fills it (ARNs, ids,
 * numbers, times). Everything returned is an immutable snapshot.
 *
 * <p>A build or batch started through the API stays {@code IN_PROGRESS} until the test finishes it
 * with {@link #finishBuild(String, StatusType)} or {@link #finishBuildBatch(String, StatusType)},
 * or on a chosen read with {@link #finishBuildOnRead(String, int, StatusType)} or {@link
 * #finishBuildBatchOnRead(String, int, StatusType)}, or the code under test stops it; so a test
 * decides exactly what a poller sees.
 *
 * <p>Seeded items and recorded calls follow the scopes described on {@link FakeCodeBuild}: what a
 * test adds is gone when the test ends.
 *
 * <p>All methods are safe to call from several threads. No method takes {@code null}: passing one
 * throws {@link NullPointerException}. Calling any method after the class that owns the fake has
 * finished throws {@link IllegalStateException}.
 *
 * @since 0.1.0
 */
public interface FakeCodeBuildState {

    /**
     * Add a project with the given name and CodeBuild's defaults for everything else.
     *
     * @param name the project name; 2 to 150 letters, digits, {@code -} or {@code _}, starting with
     *     a letter or digit, as CodeBuild requires
     * @return the project as the fake stores it, with its ARN and creation time
     * @throws IllegalArgumentException if the name is not one CodeBuild would accept, or a project
     *     of that name was already added
     * @see #addProject(Consumer)
     */
    Project addProject(String name);

    /**
     * Add a project described by the given builder.
     *
     * <p>The builder must set a {@linkplain Project.Builder#name(String) name}. The fake fills in
     * what is left out: the ARN {@code arn:aws:codebuild:{region}:{account}:project/{name}}, {@code
     * created} and {@code lastModified}. Times are kept to the millisecond, as they travel on the
     * wire.
     *
     * @param project sets what the test cares about, for example {@code p -> p.name("web-app")}
     * @return the project as the fake stores it
     * @throws IllegalArgumentException if the name is missing or not one CodeBuild would accept, a
     *     project of that name was already added, or a time is too far from 1970 to be sent as
     *     epoch milliseconds
     */
    Project addProject(Consumer<Project.Builder> project);

    /**
     * Add a build batch with the given status to an existing project.
     *
     * @param projectName the name of a project added before
     * @param status the batch status, for example {@link StatusType#SUCCEEDED}
     * @return the batch as the fake stores it
     * @throws IllegalArgumentException if no project of that name was added, or the status is
     *     {@link StatusType#UNKNOWN_TO_SDK_VERSION}
     * @throws NullPointerException if either argument is {@code null}
     * @see #addBuildBatch(Consumer)
     */
    BuildBatch addBuildBatch(String projectName, StatusType status);

    /**
     * Add a build batch described by the given builder.
     *
     * <p>The builder must set the {@linkplain BuildBatch.Builder#projectName(String) project name}
     * of a project added before. The fake fills in what is left out:
     *
     * <ul>
     *   <li>{@code id} {@code {project}:{uuid}} and {@code arn} {@code
     *       arn:aws:codebuild:{region}:{account}:build-batch/{id}};
     *   <li>{@code buildBatchNumber}: one more than the highest number the project has had;
     *   <li>{@code startTime}: now, or later than every time seeded before if that is later;
     *   <li>{@code buildBatchStatus}: {@code IN_PROGRESS};
     *   <li>{@code complete}, {@code currentPhase} and, for a finished status, {@code endTime}
     *       (equal to the start time) and the {@code phases} of a finished batch, as {@link
     *       #finishBuildBatch(String, StatusType)} describes them, consistent with the status.
     *       Phases the builder sets are kept; no build groups are made up.
     * </ul>
     *
     * @param buildBatch sets what the test cares about, for example {@code b ->
     *     b.projectName("web-app").buildBatchStatus(StatusType.FAILED)}
     * @return the batch as the fake stores it
     * @throws IllegalArgumentException if the project name is missing or names no project added
     *     before, the id does not start with {@code {project}:} or is taken, the ARN does not end
     *     with {@code /{id}}, the number is below 1 or taken in that project, the status is
     *     unknown, the end time is before the start time, or a time is too far from 1970 to be sent
     *     as epoch milliseconds
     */
    BuildBatch addBuildBatch(Consumer<BuildBatch.Builder> buildBatch);

    /**
     * Add a build with the given status to an existing project.
     *
     * @param projectName the name of a project added before
     * @param status the build status, for example {@link StatusType#SUCCEEDED}
     * @return the build as the fake stores it
     * @throws IllegalArgumentException if no project of that name was added, or the status is
     *     {@link StatusType#UNKNOWN_TO_SDK_VERSION}
     * @see #addBuild(Consumer)
     * @since 0.1.0
     */
    Build addBuild(String projectName, StatusType status);

    /**
     * Add a build described by the given builder.
     *
     * <p>The builder must set the {@linkplain Build.Builder#projectName(String) project name} of a
     * project added before. The fake fills in what is left out:
     *
     * <ul>
     *   <li>{@code id} {@code {project}:{uuid}} and {@code arn} {@code
     *       arn:aws:codebuild:{region}:{account}:build/{id}};
     *   <li>{@code buildNumber}: one more than the highest number the project has had;
     *   <li>{@code startTime}: now, or later than every time seeded before if that is later;
     *   <li>{@code buildStatus}: {@code IN_PROGRESS};
     *   <li>{@code buildComplete}, {@code currentPhase}, {@code phases} and, for a finished status,
     *       {@code endTime} (equal to the start time), consistent with the status, as {@link
     *       #finishBuild(String, StatusType)} describes.
     * </ul>
     *
     * <p>A build whose {@linkplain Build.Builder#buildBatchArn(String) buildBatchArn} is the ARN of
     * a batch of the same project joins that batch, in a new build group whose identifier is
     * "build" and its position among the batch's groups, counting from 1.
     *
     * @param build sets what the test cares about, for example {@code b ->
     *     b.projectName("web-app").sourceVersion("main")}
     * @return the build as the fake stores it
     * @throws IllegalArgumentException if the project name is missing or names no project added
     *     before, the id does not start with {@code {project}:} or is taken, the ARN does not end
     *     with {@code /{id}}, the number is below 1 or taken in that project, the status is
     *     unknown, the end time is before the start time, the batch ARN names no batch of that
     *     project, or a time is too far from 1970 to be sent as epoch milliseconds
     */
    Build addBuild(Consumer<Build.Builder> build);

    /**
     * Finish a running build, as CodeBuild would when it ends.
     *
     * <p>The build gets the status, an {@code endTime} of now, {@code buildComplete = true}, {@code
     * currentPhase} {@code COMPLETED}, and every remaining phase up to {@code COMPLETED}; a failure
     * ({@code FAILED}, {@code FAULT}, {@code TIMED_OUT}) is the status of its {@code BUILD} phase.
     * A build that belongs to a batch shows its new status in the batch's build group.
     *
     * @param id the id of a build the fake holds
     * @param status the status it ends with; not {@code IN_PROGRESS}
     * @return the finished build
     * @throws IllegalArgumentException if no build has that id, or the status is {@code
     *     IN_PROGRESS} or {@code UNKNOWN_TO_SDK_VERSION}
     * @throws IllegalStateException if the build has already finished
     * @since 0.1.0
     */
    Build finishBuild(String id, StatusType status);

    /**
     * Finish a running build batch, and its running builds, as CodeBuild would when it ends.
     *
     * <p>The batch gets the status, an {@code endTime} of now, {@code complete = true}, the phases
     * of a finished batch ({@code SUBMITTED}, {@code DOWNLOAD_BATCHSPEC}, {@code IN_PROGRESS},
     * {@code COMBINE_ARTIFACTS} when it succeeded, then {@code SUCCEEDED}, {@code STOPPED} or
     * {@code FAILED}) and a matching {@code currentPhase}. Each of its builds still running
     * finishes with the same status. A batch with no builds is first given one, in a build group
     * named {@code DOWNLOAD_SOURCE}, the group every real batch has.
     *
     * @param id the id of a batch the fake holds
     * @param status the status it ends with; not {@code IN_PROGRESS}
     * @return the finished batch
     * @throws IllegalArgumentException if no batch has that id, or the status is {@code
     *     IN_PROGRESS} or {@code UNKNOWN_TO_SDK_VERSION}
     * @throws IllegalStateException if the batch has already finished
     * @since 0.1.0
     */
    BuildBatch finishBuildBatch(String id, StatusType status);

    /**
     * Finish a running build when the code under test reads it for the given time, for a test of
     * code that polls in a loop of its own.
     *
     * <p>Each {@code BatchGetBuilds} call that names the build counts as one read, from this call
     * on. The read given finishes the build just before it is answered, as {@link
     * #finishBuild(String, StatusType)} would, so the reads before it see the build running and
     * that read and every later one see it finished. A build that finished otherwise before that
     * read (stopped, say) stays as it is, and the request ends with it. Like everything a test sets
     * up, the request is gone when the test ends.
     *
     * <pre>{@code
     * state.finishBuildOnRead(buildId, 3, StatusType.SUCCEEDED);
     *
     * Build seen = poller.waitForBuild(buildId);   // reads twice IN_PROGRESS, then SUCCEEDED
     * }</pre>
     *
     * @param id the id of a running build
     * @param read which read finishes it, counting from 1
     * @param status the status it ends with; not {@code IN_PROGRESS}
     * @throws IllegalArgumentException if no build has that id, the read is below 1, or the status
     *     is {@code IN_PROGRESS} or {@code UNKNOWN_TO_SDK_VERSION}
     * @throws IllegalStateException if the build has already finished
     * @since 0.1.0
     */
    void finishBuildOnRead(String id, int read, StatusType status);

    /**
     * Finish a running build batch, and its running builds, when the code under test reads it for
     * the given time, for a test of code that polls in a loop of its own.
     *
     * <p>Each {@code BatchGetBuildBatches} call that names the batch counts as one read, from this
     * call on. The read given finishes the batch just before it is answered, as {@link
     * #finishBuildBatch(String, StatusType)} would, so the reads before it see the batch running
     * and that read and every later one see it finished. A batch that finished otherwise before
     * that read (stopped, say) stays as it is, and the request ends with it. Like everything a test
     * sets up, the request is gone when the test ends.
     *
     * @param id the id of a running batch
     * @param read which read finishes it, counting from 1
     * @param status the status it ends with; not {@code IN_PROGRESS}
     * @throws IllegalArgumentException if no batch has that id, the read is below 1, or the status
     *     is {@code IN_PROGRESS} or {@code UNKNOWN_TO_SDK_VERSION}
     * @throws IllegalStateException if the batch has already finished
     * @since 0.1.0
     */
    void finishBuildBatchOnRead(String id, int read, StatusType status);

    /**
     * Give the next calls of an operation a fault instead of their normal answer.
     *
     * <p>The fault is used by the next {@code calls} calls of the operation, then it is gone.
     * Faults of one operation are used in the order they were set: {@code failNext("StartBuild", 2,
     * Fault.throttling())} followed by {@code failNext("StartBuild", 1, Fault.dropConnection())}
     * throttles two calls and drops the third. A call given an error or a dropped connection never
     * reaches the operation: it changes nothing and does not count as a read for {@link
     * #finishBuildOnRead(String, int, StatusType)}. It is recorded in {@link #calls()} like any
     * call; with the SDK's retries on, each attempt is one call.
     *
     * <p>Faults follow the scopes of seeded state: a fault set while the class is set up holds for
     * every test, each test starting with the counts left when the class setup ended; a fault set
     * in a test is gone when the test ends.
     *
     * <pre>{@code
     * state.failNext("StartBuild", 2, Fault.throttling());
     *
     * deployTool.start("web-app");   // with standard retries: 400, 400, then 200
     * }</pre>
     *
     * @param operation a CodeBuild operation, named as in {@code X-Amz-Target} without its prefix,
     *     for example {@code StartBuild}; operations the fake does not implement may be given
     *     faults too
     * @param calls how many of the next calls get the fault, at least 1
     * @param fault what they get
     * @throws IllegalArgumentException if CodeBuild has no operation of that name, or {@code calls}
     *     is below 1
     * @since 0.1.0
     */
    void failNext(String operation, int calls, Fault fault);

    /**
     * Give every call of an operation a fault instead of its normal answer, until the scope it was
     * set in ends or {@link #clearFaults()} is called.
     *
     * <p>Such a fault is never used up, so a fault set after it for the same operation is never
     * reached; one set before it is used first. Everything else is as for {@link #failNext(String,
     * int, Fault)}.
     *
     * @param operation a CodeBuild operation, named as in {@code X-Amz-Target} without its prefix,
     *     for example {@code BatchGetBuilds}
     * @param fault what every call gets
     * @throws IllegalArgumentException if CodeBuild has no operation of that name
     * @since 0.1.0
     */
    void failEvery(String operation, Fault fault);

    /**
     * Remove every fault in force, also those set while the class was set up.
     *
     * <p>Faults of the class come back when the current test ends, like everything a test changes.
     *
     * @since 0.1.0
     */
    void clearFaults();

    /**
     * Return the projects, in the order they were added.
     *
     * @return an immutable snapshot, never {@code null}
     */
    List<Project> projects();

    /**
     * Return the project with the given name.
     *
     * @param name a project name
     * @return the project, or empty if none has that name
     */
    Optional<Project> project(String name);

    /**
     * Return the build batches of every project, in the order they were added.
     *
     * @return an immutable snapshot, never {@code null}
     */
    List<BuildBatch> buildBatches();

    /**
     * Return the build batch with the given id.
     *
     * @param id a batch id, {@code {project}:{uuid}}
     * @return the batch, or empty if none has that id
     */
    Optional<BuildBatch> buildBatch(String id);

    /**
     * Return the builds of every project, in the order they were added or started.
     *
     * @return an immutable snapshot, never {@code null}
     * @since 0.1.0
     */
    List<Build> builds();

    /**
     * Return the build with the given id.
     *
     * @param id a build id, {@code {project}:{uuid}}
     * @return the build, or empty if none has that id
     * @since 0.1.0
     */
    Optional<Build> build(String id);

    /**
     * Return every call the fake received in the current scope, in the order they arrived.
     *
     * <p>Calls that were refused (bad input, an unknown operation, a malformed body) are included,
     * with their status and error code.
     *
     * @return an immutable snapshot, never {@code null}
     */
    List<RecordedCall> calls();

    /**
     * Return the decoded requests of the given type, in the order they arrived.
     *
     * <p>Each is the SDK's own request object, equal to the one the client built. Refused calls are
     * included; calls whose body could not be decoded are not.
     *
     * @param requestType the exact request class, for example {@code
     *     ListBuildBatchesForProjectRequest.class}
     * @param <T> the request type
     * @return an immutable snapshot, never {@code null}
     * @throws IllegalArgumentException if the class is abstract, such as {@code CodeBuildRequest},
     *     which no call is an instance of exactly
     */
    <T extends CodeBuildRequest> List<T> requests(Class<T> requestType);

    /**
     * Assert that the fake received exactly one call of the given request's operation in the
     * current scope, and return that call's request.
     *
     * <p>Refused calls count too, as in {@link #calls()}. A failure message says what was expected
     * and what this class's fake received, then lists every call of the current scope, each as
     * {@link RecordedCall#toString()}:
     *
     * <pre>{@code
     * Expected one StartBuild call, but the fake CodeBuild of com.acme.DeployTest
     * (http://127.0.0.1:40123) received none.
     * Calls received (1):
     *   1. ListProjects -> 200 {}
     * }</pre>
     *
     * <p>The first line is wrapped here only. A message lists at most 100 calls, then says how many
     * more there were, and cuts a call or value longer than 1000 characters, saying how many
     * characters it left out.
     *
     * @param requestType the exact request class, for example {@code StartBuildRequest.class}; its
     *     simple name without {@code Request} is the operation
     * @param <T> the request type
     * @return the decoded request of that one call, equal to the one the client built
     * @throws org.opentest4j.AssertionFailedError if the scope has no call of that operation or
     *     more than one, or its one call had a body the fake could not decode
     * @throws IllegalArgumentException if the class is abstract, such as {@code CodeBuildRequest}
     * @see #assertCalledOnce(CodeBuildRequest)
     * @since 0.1.0
     */
    <T extends CodeBuildRequest> T assertCalledOnce(Class<T> requestType);

    /**
     * Assert that the fake received exactly one call of the operation of {@code expected} in the
     * current scope, with every member {@code expected} sets, and return that call's request.
     *
     * <p>Only the members {@code expected} sets are compared, each as a whole with {@code equals}
     * (a structure or list must match in full); the others may have any value. A member counts as
     * set when it is not {@code null} and not a list or map the SDK filled in empty because nobody
     * set it. For example, this passes for any {@code StartBuild} call on {@code web-app} from
     * {@code main}, whatever overrides it carried:
     *
     * <pre>{@code
     * state.assertCalledOnce(
     *         StartBuildRequest.builder().projectName("web-app").sourceVersion("main").build());
     * }</pre>
     *
     * <p>When the one call differs, the message names only the differing members, with the values
     * the call had, written as on the wire ({@code "text"}, {@code 60}, {@code [...]}, {@code
     * {...}}); a member the call left out shows as {@code not set}. The calls of the scope are
     * listed below it, as for {@link #assertCalledOnce(Class)}:
     *
     * <pre>{@code
     * Expected one StartBuild call with projectName "web-app", sourceVersion "main", but the fake
     * CodeBuild of com.acme.DeployTest (http://127.0.0.1:40123) received one with sourceVersion
     * "dev".
     * }</pre>
     *
     * <p>The exception's expected and actual values are the compared members, one per line, for an
     * IDE's diff.
     *
     * @param expected a request with the members that matter set, built like the one the code under
     *     test should send
     * @param <T> the request type
     * @return the decoded request of that one call, with every member it carried
     * @throws org.opentest4j.AssertionFailedError if the scope has no call of that operation or
     *     more than one, its one call had a body the fake could not decode, or a member differs
     * @since 0.1.0
     */
    <T extends CodeBuildRequest> T assertCalledOnce(T expected);

    /**
     * Assert that the fake received no call of the given request's operation in the current scope.
     *
     * <p>Refused calls count too, as in {@link #calls()}. The failure message has the form of
     * {@link #assertCalledOnce(Class)}'s:
     *
     * <pre>{@code
     * Expected no StopBuild call, but the fake CodeBuild of com.acme.DeployTest
     * (http://127.0.0.1:40123) received 1.
     * }</pre>
     *
     * @param requestType the exact request class, for example {@code StopBuildRequest.class}
     * @throws org.opentest4j.AssertionFailedError if the scope has a call of that operation
     * @throws IllegalArgumentException if the class is abstract, such as {@code CodeBuildRequest}
     * @since 0.1.0
     */
    void assertNotCalled(Class<? extends CodeBuildRequest> requestType);

    /**
     * Return the address of the fake, for building a client of one's own.
     *
     * <p>For example, a client with the SDK's standard retries:
     *
     * <pre>{@code
     * CodeBuildClient.builder()
     *         .endpointOverride(state.endpoint())
     *         .region(state.region())
     *         .credentialsProvider(AnonymousCredentialsProvider.create())
     *         .build();
     * }</pre>
     *
     * @return {@code http://127.0.0.1:{port}}
     */
    URI endpoint();

    /**
     * Return the region the fake pretends to be in.
     *
     * @return the region set by {@link FakeCodeBuild#region()}
     */
    Region region();

    /**
     * Return the account the fake pretends to belong to.
     *
     * @return the 12-digit account id set by {@link FakeCodeBuild#accountId()}
     */
    String accountId();
}
