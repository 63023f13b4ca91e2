package dev.fakecodebuild.internal.model;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param items the items of the page, in listing order
 * @param continueAfter the key to continue after for the next page, or {@code null} if this is the
 *     last page
 * @param <T> the item type
 */
public record Page<T>(List<T> items, Long continueAfter) {

    /** Make an immutable page. */
    public Page {
        items = List.copyOf(items);
    }
}
