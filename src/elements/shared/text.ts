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
