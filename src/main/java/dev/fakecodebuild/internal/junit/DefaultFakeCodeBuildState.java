package dev.fakecodebuild.internal.junit;

import dev.fakecodebuild.FakeCodeBuildState;
import dev.fakecodebuild.RecordedCall;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.regions.Region;
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
        return holder.model().addProject(builder.build());
    }

    @Override
    public BuildBatch addBuildBatch(String projectName, StatusType status) {
        Objects.requireNonNull(projectName, "projectName");
        Objects.requireNonNull(status, "status");
        if (status == StatusType.UNKNOWN_TO_SDK_VERSION) {
            throw new IllegalArgumentException(
                    "UNKNOWN_TO_SDK_VERSION is not a status a build batch can have: use one of "
                            + StatusType.knownValues());
        }
        return addBuildBatch(batch -> batch.projectName(projectName).buildBatchStatus(status));
    }

    @Override
    public BuildBatch addBuildBatch(Consumer<BuildBatch.Builder> buildBatch) {
        Objects.requireNonNull(buildBatch, "buildBatch");
        holder.checkOpen();
        BuildBatch.Builder builder = BuildBatch.builder();
        buildBatch.accept(builder);
        return holder.model().addBuildBatch(builder.build());
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
        return "FakeCodeBuildState[" + holder.server().endpoint() + "]";
    }
}
