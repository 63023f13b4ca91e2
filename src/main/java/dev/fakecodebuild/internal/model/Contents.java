package dev.fakecodebuild.internal.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import software.amazon.awssdk.services.codebuild.model.BuildBatch;
import software.amazon.awssdk.services.codebuild.model.Project;

/**
 * The mutable data behind a {@link CodeBuildModel}. The SDK model objects it holds are immutable,
 * so a copy only copies the containers.
 */
final class Contents {

    /** Projects by name, in the order they were added. */
    final Map<String, ProjectEntry> projects;

    /** Build batches of every project by id, in the order they were added. */
    final Map<String, BuildBatch> buildBatches;

    private Contents(Map<String, ProjectEntry> projects, Map<String, BuildBatch> buildBatches) {
        this.projects = projects;
        this.buildBatches = buildBatches;
    }

    static Contents empty() {
        return new Contents(new LinkedHashMap<>(), new LinkedHashMap<>());
    }

    Contents copy() {
        var projectsCopy = new LinkedHashMap<String, ProjectEntry>();
        projects.forEach((name, entry) -> projectsCopy.put(name, entry.copy()));
        return new Contents(projectsCopy, new LinkedHashMap<>(buildBatches));
    }

    /** A project with the batches that belong to it. */
    static final class ProjectEntry {

        final Project project;

        /** The project's batches by {@code buildBatchNumber}. */
        final NavigableMap<Long, BuildBatch> buildBatchesByNumber;

        /** The highest number the project has given out; numbers are never reused. */
        long lastBuildBatchNumber;

        ProjectEntry(Project project) {
            this(project, new TreeMap<>(), 0);
        }

        private ProjectEntry(
                Project project, NavigableMap<Long, BuildBatch> batches, long lastNumber) {
            this.project = project;
            this.buildBatchesByNumber = batches;
            this.lastBuildBatchNumber = lastNumber;
        }

        ProjectEntry copy() {
            return new ProjectEntry(
                    project, new TreeMap<>(buildBatchesByNumber), lastBuildBatchNumber);
        }
    }
}
