package dev.fakecodebuild.internal.operations;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.protocol.MarshallingType;

/**
 * What CodeBuild's service model says of one member's value: the model's {@code required}, {@code
 * length}, {@code range}, {@code enum} and {@code pattern} traits, and the same on each element of
 * a list.
 *
 * <p>{@link ConstraintTable} takes a member's constraints apart when it is compiled: {@link All}
 * and {@link Each} only group, every {@link Check} is applied as it stands, to the member's value
 * or to each element of it.
 */
sealed interface Constraint {

    /**
     * Require a value.
     *
     * @return the model's {@code required}
     */
    static Constraint required() {
        return Required.INSTANCE;
    }

    /**
     * Bound the length of a string, in characters, or the size of a list.
     *
     * @param min the least length allowed
     * @param max the greatest length allowed
     * @return the model's {@code length} trait
     */
    static Constraint length(long min, long max) {
        return new Length(min, max);
    }

    /**
     * Bound the length of a string, in characters, or the size of a list, from below only.
     *
     * @param min the least length allowed
     * @return the model's {@code length} trait without a {@code max}
     */
    static Constraint minLength(long min) {
        return new Length(min, Long.MAX_VALUE);
    }

    /**
     * Bound the length of a string, in characters, or the size of a list, from above only.
     *
     * @param max the greatest length allowed
     * @return the model's {@code length} trait without a {@code min}
     */
    static Constraint maxLength(long max) {
        return new Length(0, max);
    }

    /**
     * Bound a number.
     *
     * @param min the least value allowed
     * @param max the greatest value allowed
     * @return the model's {@code range} trait
     */
    static Constraint range(long min, long max) {
        return new Range(min, max);
    }

    /**
     * Bound a number from below only.
     *
     * @param min the least value allowed
     * @return the model's {@code range} trait without a {@code max}
     */
    static Constraint atLeast(long min) {
        return new Range(min, Long.MAX_VALUE);
    }

    /**
     * Allow only an enum's values, compared with the string the request carried.
     *
     * @param knownValues the SDK enum's {@code knownValues()}, which keeps the model's order
     * @return the model's {@code enum}
     */
    static Constraint oneOf(Collection<? extends Enum<?>> knownValues) {
        return new OneOf(knownValues.stream().map(Object::toString).toList());
    }

    /**
     * Allow only strings that the model's regular expression matches as a whole.
     *
     * @param regex the expression as the model writes it, which the message quotes
     * @return the model's {@code pattern} trait
     */
    static Constraint pattern(String regex) {
        return new Matches(regex, Pattern.compile(regex));
    }

    /**
     * Group constraints that always go together, such as those of one model shape.
     *
     * @param constraints the constraints, in the order they are checked
     * @return the group
     */
    static Constraint all(Constraint... constraints) {
        return new All(List.of(constraints));
    }

    /**
     * Apply constraints to each element of a list rather than to the list.
     *
     * @param constraints the constraints of the list's member shape
     * @return the constraints of each element
     */
    static Constraint each(Constraint... constraints) {
        return new Each(List.of(constraints));
    }

    /** Constraints checked together, in order. */
    record All(List<Constraint> constraints) implements Constraint {}

    /** Constraints of each element of a list. */
    record Each(List<Constraint> constraints) implements Constraint {}

    /** One constraint that checks a value itself. */
    sealed interface Check extends Constraint {

        /**
         * Tell whether the check can apply to a member of the given type, so that the table can
         * refuse a check written against the wrong member.
         *
         * @param type the member's type in the SDK's field metadata
         * @return whether the check applies to values of that type
         */
        boolean fits(MarshallingType<?> type);

        /**
         * Check a value and note a violation.
         *
         * @param validation where a violation is noted, in CodeBuild's wording
         * @param path the member's path in the request, such as {@code filter.status}
         * @param value the value, or {@code null} if the request left the member out
         */
        void check(Validation validation, String path, Object value);
    }

    /** The model's {@code required}. */
    enum Required implements Check {
        INSTANCE;

        @Override
        public boolean fits(MarshallingType<?> type) {
            return true;
        }

        @Override
        public void check(Validation validation, String path, Object value) {
            validation.required(path, value);
        }
    }

    /** The model's {@code length}: characters of a string, elements of a list. */
    record Length(long min, long max) implements Check {

        @Override
        public boolean fits(MarshallingType<?> type) {
            return type == MarshallingType.STRING || type == MarshallingType.LIST;
        }

        @Override
        public void check(Validation validation, String path, Object value) {
            if (value instanceof String string) {
                // Smithy counts a string's length in Unicode scalar values, not UTF-16 units.
                validation.length(
                        path, string, string.codePointCount(0, string.length()), min, max);
            } else if (value instanceof List<?> list) {
                validation.length(path, list, list.size(), min, max);
            }
        }
    }

    /** The model's {@code range}. */
    record Range(long min, long max) implements Check {

        @Override
        public boolean fits(MarshallingType<?> type) {
            return type == MarshallingType.INTEGER || type == MarshallingType.LONG;
        }

        @Override
        public void check(Validation validation, String path, Object value) {
            if (value instanceof Number number) {
                validation.range(path, number, min, max);
            }
        }
    }

    /** The model's {@code enum}. */
    record OneOf(List<String> values) implements Check {

        @Override
        public boolean fits(MarshallingType<?> type) {
            return type == MarshallingType.STRING;
        }

        @Override
        public void check(Validation validation, String path, Object value) {
            if (value instanceof String string) {
                validation.oneOf(path, string, values);
            }
        }
    }

    /** The model's {@code pattern}. */
    record Matches(String regex, Pattern pattern) implements Check {

        @Override
        public boolean fits(MarshallingType<?> type) {
            return type == MarshallingType.STRING;
        }

        @Override
        public void check(Validation validation, String path, Object value) {
            if (value instanceof String string) {
                validation.pattern(path, string, pattern, regex);
            }
        }
    }
}
