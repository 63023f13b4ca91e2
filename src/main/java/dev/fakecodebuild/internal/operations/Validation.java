package dev.fakecodebuild.internal.operations;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Checks a request against the constraints of CodeBuild's service model, which the SDK does not
 * check on the client side, and reports every violation at once.
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

    Validation minLength(String member, String value, int min) {
        if (value != null && value.length() < min) {
            violate(member, value, "Member must have length greater than or equal to " + min);
        }
        return this;
    }

    Validation range(String member, Integer value, int min, int max) {
        if (value != null && value < min) {
            violate(member, value, "Member must have value greater than or equal to " + min);
        } else if (value != null && value > max) {
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
