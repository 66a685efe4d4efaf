/**
 * The text of an attribute or a property, without surrounding spaces; undefined for an absent, empty or blank one.
 * Frameworks pass values as properties, not as attribute text: a number (`message-id={row.id}`) reads as its digits
 * and a valid `Date` as ISO 8601, rather than breaking the element; any other value is no text.
 */
export const text = (value: unknown): string | undefined => {
  const written =
    typeof value === 'string'
      ? value
      : typeof value === 'number' && Number.isFinite(value)
        ? String(value)
        : value instanceof Date && !Number.isNaN(value.getTime())
          ? value.toISOString()
          : undefined;
  const trimmed = written?.trim();
  return trimmed ? trimmed : undefined;
};

/**
 * The converter of a reflected text (or number) property: the attribute is the value's text, and no attribute for a
 * value that has none. An object given by mistake (`{ toString: [] }`) made `setAttribute` throw, and the update with it.
 */
export const reflectedText = { toAttribute: (value: unknown): string | undefined => (typeof value === 'string' ? value : text(value)) };
