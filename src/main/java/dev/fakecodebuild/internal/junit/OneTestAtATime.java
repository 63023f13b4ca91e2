package dev.fakecodebuild.internal.junit;

import dev.fakecodebuild.FakeCodeBuild;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLocksProvider;

/**
 * The resource lock that {@link FakeCodeBuild} puts on each annotated class: one key per class, so
 * that the methods of a class, which share its fake, run one at a time, while classes go on in
 * parallel. A class that holds a lock runs its children in its own thread, one after the other.
 */
public final class OneTestAtATime implements ResourceLocksProvider {

    /** The prefix of every key, followed by the annotated class's name. */
    static final String KEY_PREFIX = "dev.fakecodebuild.FakeCodeBuild:";

    /** Create the provider; JUnit does this. */
    public OneTestAtATime() {}

    @Override
    public Set<Lock> provideForClass(Class<?> testClass) {
        return Set.of(lockOf(testClass));
    }

    /**
     * JUnit asks this for every {@code @Nested} class inside an annotated class, whether or not it
     * carries the annotation itself (the provider applies to the classes nested in the one that
     * declares it). Its key adds nothing: JUnit takes the locks of a whole class tree on its
     * outermost locked class and runs the tree in that class's thread, so a nested class is always
     * inside the lock of the class enclosing it.
     */
    @Override
    public Set<Lock> provideForNestedClass(
            List<Class<?>> enclosingInstanceTypes, Class<?> testClass) {
        return Set.of(lockOf(testClass));
    }

    private static Lock lockOf(Class<?> testClass) {
        return new Lock(KEY_PREFIX + testClass.getName(), ResourceAccessMode.READ_WRITE);
    }
}
