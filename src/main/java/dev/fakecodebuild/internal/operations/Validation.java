package dev.fakecodebuild.internal.operations;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.codebuild.model.CodeBuildRequest;

/**
 * Notes the violations of a request's constraints and reports them all at once: those of
 * CodeBuild's service model, which the SDK does not check on the client side (see {@link
 * InputConstraints}), and an operation's own rules.
 *
 * <p>The message follows the form AWS services use for model constraints, for example {@code 1
 * validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: Member must
 * have value greater than or equal to 1}. CodeBuild sends such errors as {@code
 * InvalidInputException}, its only modeled validation error.
 */
final class Validation {

    private final List<String> violations = new ArrayList<>();

    Validation required(String member, Object value) {
        if (value == null) {
            violations.add(
                    "Value null at '"
                            + member
                            + "' failed to satisfy constraint: Member must not be null");
        }
        return this;
    }

    /**
     * Check the length of a string or the size of a list.
     *
     * @param value the value, as the message shows it
     * @param length its length: characters of a string, elements of a list
     */
    Validation length(String member, Object value, long length, long min, long max) {
        if (length < min) {
            violate(member, value, "Member must have length greater than or equal to " + min);
        } else if (length > max) {
            violate(member, value, "Member must have length less than or equal to " + max);
        }
        return this;
    }

    Validation range(String member, Number value, long min, long max) {
        if (value != null && value.longValue() < min) {
            violate(member, value, "Member must have value greater than or equal to " + min);
        } else if (value != null && value.longValue() > max) {
            violate(member, value, "Member must have value less than or equal to " + max);
        }
        return this;
    }

    /**
     * Check that a value sent as a string is one of an enum's values.
     *
     * @param knownValues the SDK enum's {@code knownValues()}, in model order
     */
    Validation oneOf(String member, String value, Collection<?> knownValues) {
        if (value != null
                && knownValues.stream().noneMatch(known -> known.toString().equals(value))) {
            violate(member, value, "Member must satisfy enum value set: " + knownValues);
        }
        return this;
    }

    /**
     * Check that a whole string matches a regular expression.
     *
     * @param regex the expression as the model writes it, for the message
     */
    Validation pattern(String member, String value, Pattern pattern, String regex) {
        if (value != null && !pattern.matcher(value).matches()) {
            violate(member, value, "Member must satisfy regular expression pattern: " + regex);
        }
        return this;
    }

    /**
     * Check a request against every constraint of the service model, after the checks noted so far.
     *
     * @param request the request
     * @see InputConstraints
     */
    Validation modelConstraints(CodeBuildRequest request) {
        InputConstraints.check(request, this);
        return this;
    }

    private void violate(String member, Object value, String constraint) {
        violations.add(
                "Value '"
                        + value
                        + "' at '"
                        + member
                        + "' failed to satisfy constraint: "
                        + constraint);
    }

    /**
     * Throw if any check failed.
     *
     * @throws ServiceException an {@code InvalidInputException} listing every violation
     */
    void check() {
        if (violations.isEmpty()) {
            return;
        }
        int count = violations.size();
        String heading =
                count + (count == 1 ? " validation error" : " validation errors") + " detected: ";
        throw ServiceException.invalidInput(heading + String.join("; ", violations));
    }
}
