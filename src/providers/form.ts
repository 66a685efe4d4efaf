/**
 * `application/x-www-form-urlencoded` bodies (Twilio status callbacks, Vonage receipts) as plain records.
 * `URLSearchParams` exists in browsers and Node alike.
 */

/** The fields of a form body; a repeated field keeps its first value, as `URLSearchParams.get` does. */
export function formToRecord(form: URLSearchParams | string): Record<string, string> {
  const params = typeof form === 'string' ? new URLSearchParams(form.trim().replace(/^\?/, '')) : form;
  // A null-prototype record: a field named "__proto__" or "constructor" is just a field.
  const record: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [key, value] of params) if (!(key in record)) record[key] = value;
  return record;
}
