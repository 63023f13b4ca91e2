package dev.fakecodebuild.internal.operations;

import dev.fakecodebuild.internal.model.CodeBuildModel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.codebuild.model.BatchGetProjectsRequest;
import software.amazon.awssdk.services.codebuild.model.BatchGetProjectsResponse;
import software.amazon.awssdk.services.codebuild.model.Project;

/**
 * {@code BatchGetProjects}: the projects named by name or by ARN, in the order they were named, and
 * the names that match no project, exactly as they were sent.
 *
 * <p>A project named twice, by the same name, by its name and its ARN, or by its ARN twice, is
 * returned once, where it was first named; an unknown name sent twice is listed once. An ARN of
 * another partition, region, account or resource type matches nothing.
 */
final class BatchGetProjects extends Operation<BatchGetProjectsRequest> {

    static final String NAME = "BatchGetProjects";

    private final CodeBuildModel model;

    BatchGetProjects(CodeBuildModel model) {
        super(NAME, BatchGetProjectsRequest.class, BatchGetProjectsRequest::builder);
        this.model = model;
    }

    @Override
    protected BatchGetProjectsResponse handle(BatchGetProjectsRequest request) {
        Set<String> foundNames = new LinkedHashSet<>();
        List<Project> found = new ArrayList<>();
        Set<String> notFound = new LinkedHashSet<>();
        for (String sent : request.names()) {
            if (sent == null) {
                continue;
            }
            Optional<Project> project = projectNamed(sent);
            if (project.isEmpty()) {
                notFound.add(sent);
            } else if (foundNames.add(project.get().name())) {
                found.add(project.get());
            }
        }
        return BatchGetProjectsResponse.builder()
                .projects(found)
                .projectsNotFound(List.copyOf(notFound))
                .build();
    }

    private Optional<Project> projectNamed(String nameOrArn) {
        // Project names cannot contain ':', so anything starting with "arn:" is meant as an ARN.
        if (nameOrArn.startsWith("arn:")) {
            return model.arns().projectName(nameOrArn).flatMap(model::project);
        }
        return model.project(nameOrArn);
    }
}
