package dev.fakecodebuild.internal.junit;

import dev.fakecodebuild.FakeCodeBuildState;
import dev.fakecodebuild.Fault;
import dev.fakecodebuild.RecordedCall;
import dev.fakecodebuild.internal.model.ModelException;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codebuild.model.Build;
import software.amazon.awssdk.services.codebuild.model.BuildBatch;
import software.amazon.awssdk.services.codebuild.model.CodeBuildRequest;
import software.amazon.awssdk.services.codebuild.model.Project;
import software.amazon.awssdk.services.codebuild.model.StatusType;

/** The {@link FakeCodeBuildState} of one fake, a thin view over its holder. */
final class DefaultFakeCodeBuildState implements FakeCodeBuildState {

    private final FakeHolder holder;

    DefaultFakeCodeBuildState(FakeHolder holder) {
        this.holder = holder;
    }

    @Override
    public Project addProject(String name) {
        Objects.requireNonNull(name, "name");
        return addProject(project -> project.name(name));
    }

    @Override
    public Project addProject(Consumer<Project.Builder> project) {
        Objects.requireNonNull(project, "project");
        holder.checkOpen();
        Project.Builder builder = Project.builder();
        project.accept(builder);
        try {
            return holder.model().addProject(builder.build());
        } catch (ModelException e) {
            throw refusal(e);
        }
    }

    @Override
    public BuildBatch addBuildBatch(String projectName, StatusType status) {
        Objects.requireNonNull(projectName, "projectName");
        Objects.requireNonNull(status, "status");
        checkKnown(status, "a build batch");
        return addBuildBatch(batch -> batch.projectName(projectName).buildBatchStatus(status));
    }

    @Override
    public BuildBatch addBuildBatch(Consumer<BuildBatch.Builder> buildBatch) {
        Objects.requireNonNull(buildBatch, "buildBatch");
        holder.checkOpen();
        BuildBatch.Builder builder = BuildBatch.builder();
        buildBatch.accept(builder);
        try {
            return holder.model().addBuildBatch(builder.build());
        } catch (ModelException e) {
            throw refusal(e);
        }
    }

    @Override
    public Build addBuild(String projectName, StatusType status) {
        Objects.requireNonNull(projectName, "projectName");
        Objects.requireNonNull(status, "status");
        checkKnown(status, "a build");
        return addBuild(build -> build.projectName(projectName).buildStatus(status));
    }

    @Override
    public Build addBuild(Consumer<Build.Builder> build) {
        Objects.requireNonNull(build, "build");
        holder.checkOpen();
        Build.Builder builder = Build.builder();
        build.accept(builder);
        try {
            return holder.model().addBuild(builder.build());
        } catch (ModelException e) {
            throw refusal(e);
        }
    }

    @Override
    public Build finishBuild(String id, StatusType status) {
        Objects.requireNonNull(id, "id");
        checkFinal(status, "a build");
        holder.checkOpen();
        try {
            return holder.model().finishBuild(id, status);
        } catch (ModelException e) {
            throw refusal(e);
        }
    }

    @Override
    public BuildBatch finishBuildBatch(String id, StatusType status) {
        Objects.requireNonNull(id, "id");
        checkFinal(status, "a build batch");
        holder.checkOpen();
        try {
            return holder.model().finishBuildBatch(id, status);
        } catch (ModelException e) {
            throw refusal(e);
        }
    }

    @Override
    public void finishBuildOnRead(String id, int read, StatusType status) {
        Objects.requireNonNull(id, "id");
        checkFinal(status, "a build");
        checkRead(read);
        holder.checkOpen();
        try {
            holder.model().finishBuildOnRead(id, read, status);
        } catch (ModelException e) {
            throw refusal(e);
        }
    }

    @Override
    public void finishBuildBatchOnRead(String id, int read, StatusType status) {
        Objects.requireNonNull(id, "id");
        checkFinal(status, "a build batch");
        checkRead(read);
        holder.checkOpen();
        try {
            holder.model().finishBuildBatchOnRead(id, read, status);
        } catch (ModelException e) {
            throw refusal(e);
        }
    }

    private static void checkRead(int read) {
        if (read < 1) {
            throw new IllegalArgumentException(
                    "read " + read + " is below 1: the first read from now on is read 1");
        }
    }

    private static void checkKnown(StatusType status, String what) {
        if (status == StatusType.UNKNOWN_TO_SDK_VERSION) {
            throw new IllegalArgumentException(
                    "UNKNOWN_TO_SDK_VERSION is not a status "
                            + what
                            + " can have: use one of "
                            + StatusType.knownValues());
        }
    }

    private static void checkFinal(StatusType status, String what) {
        Objects.requireNonNull(status, "status");
        checkKnown(status, what);
        if (status == StatusType.IN_PROGRESS) {
            throw new IllegalArgumentException(
                    "IN_PROGRESS is not a status "
                            + what
                            + " can finish with: use SUCCEEDED, FAILED, FAULT, TIMED_OUT or"
                            + " STOPPED");
        }
    }

    /**
     * The model's "already finished" is a wrong state for the test, not a wrong argument. Other
     * refusals become a plain {@link IllegalArgumentException}, as documented, rather than the
     * model's internal subclass.
     */
    private static RuntimeException refusal(ModelException e) {
        // Without the model's exception as cause: its internal class says nothing to a user.
        return e.reason() == ModelException.Reason.WRONG_STATE
                ? new IllegalStateException(e.getMessage())
                : new IllegalArgumentException(e.getMessage());
    }

    @Override
    public void failNext(String operation, int calls, Fault fault) {
        holder.checkOpen();
        holder.server().faults().failNext(operation, calls, fault);
    }

    @Override
    public void failEvery(String operation, Fault fault) {
        holder.checkOpen();
        holder.server().faults().failEvery(operation, fault);
    }

    @Override
    public void clearFaults() {
        holder.checkOpen();
        holder.server().faults().clear();
    }

    @Override
    public List<Project> projects() {
        holder.checkOpen();
        return holder.model().projects();
    }

    @Override
    public Optional<Project> project(String name) {
        holder.checkOpen();
        return holder.model().project(name);
    }

    @Override
    public List<BuildBatch> buildBatches() {
        holder.checkOpen();
        return holder.model().buildBatches();
    }

    @Override
    public Optional<BuildBatch> buildBatch(String id) {
        holder.checkOpen();
        return holder.model().buildBatch(id);
    }

    @Override
    public List<Build> builds() {
        holder.checkOpen();
        return holder.model().builds();
    }

    @Override
    public Optional<Build> build(String id) {
        holder.checkOpen();
        return holder.model().build(id);
    }

    @Override
    public List<RecordedCall> calls() {
        holder.checkOpen();
        return holder.server().journal().snapshot();
    }

    @Override
    public <T extends CodeBuildRequest> List<T> requests(Class<T> requestType) {
        Objects.requireNonNull(requestType, "requestType");
        if (Modifier.isAbstract(requestType.getModifiers())) {
            throw new IllegalArgumentException(
                    "requests(Class) takes the class of one operation's request, such as"
                            + " ListBuildBatchesForProjectRequest.class, not "
                            + requestType.getSimpleName()
                            + "; calls() returns every call");
        }
        return calls().stream()
                .flatMap(call -> call.request().stream())
                .filter(request -> request.getClass() == requestType)
                .map(requestType::cast)
                .toList();
    }

    @Override
    public <T extends CodeBuildRequest> T assertCalledOnce(Class<T> requestType) {
        Objects.requireNonNull(requestType, "requestType");
        return callAssertions().calledOnce(requestType);
    }

    @Override
    public <T extends CodeBuildRequest> T assertCalledOnce(T expected) {
        Objects.requireNonNull(expected, "expected");
        return callAssertions().calledOnce(expected);
    }

    @Override
    public void assertNotCalled(Class<? extends CodeBuildRequest> requestType) {
        Objects.requireNonNull(requestType, "requestType");
        callAssertions().notCalled(requestType);
    }

    /** Judges one snapshot of the current scope's calls. */
    private CallAssertions callAssertions() {
        List<RecordedCall> calls = calls();
        return new CallAssertions(holder.owner(), holder.server().endpoint(), calls);
    }

    @Override
    public URI endpoint() {
        holder.checkOpen();
        return holder.server().endpoint();
    }

    @Override
    public Region region() {
        holder.checkOpen();
        return holder.settings().region();
    }

    @Override
    public String accountId() {
        holder.checkOpen();
        return holder.settings().accountId();
    }

    @Override
    public String toString() {
        return "FakeCodeBuildState["
                + holder.owner()
                + holder.startedServer().map(server -> ", " + server.endpoint()).orElse("")
                + "]";
    }
}
