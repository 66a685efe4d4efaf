import type { DisplayStatus, EventType } from '../core/index.js';
import type { EventRule, EventSource, ReasonRule, ReasonTable, StatusRule } from './types.js';

const key = (text: string): string => text.trim().toLowerCase();

/** The words a rule answers to: its status word, and its numeric code where the provider may give only that. */
const wordsOf = (rule: EventRule): readonly string[] => (rule.code === undefined ? [rule.raw] : [rule.raw, rule.code]);

/**
 * Lookup over one source's rules: the adapter code asks for a raw word under a list of conditions, and the
 * table answers. The same rows feed the README, so the docs cannot drift from what the code does.
 */
export class RuleBook {
  private readonly byRaw = new Map<string, EventRule[]>();

  constructor(readonly source: EventSource) {
    for (const rule of source.rules) {
      for (const word of wordsOf(rule)) {
        const list = this.byRaw.get(key(word));
        if (list) list.push(rule);
        else this.byRaw.set(key(word), [rule]);
      }
    }
  }

  /**
   * The rule for `raw` under the first of `conditions` that has a row (conditions are compared
   * case-insensitively to each row's `when`), else the default row of `raw`, else `undefined`.
   */
  find(raw: string, ...conditions: readonly (string | undefined)[]): EventRule | undefined {
    const rules = this.byRaw.get(key(raw));
    if (!rules) return undefined;
    for (const condition of conditions) {
      if (condition === undefined) continue;
      const hit = rules.find((rule) => rule.when !== undefined && key(rule.when) === key(condition));
      if (hit) return hit;
    }
    return rules.find((rule) => rule.when === undefined);
  }

  /** {@link find}, or a rule of type `unknown` that keeps the word: an unknown word is never dropped. */
  resolve(raw: string, ...conditions: readonly (string | undefined)[]): EventRule {
    return this.find(raw, ...conditions) ?? { raw, type: 'unknown' };
  }
}

/** Lookup over an error-code or error-word table (case-insensitive). */
export class ReasonBook {
  private readonly byRaw: ReadonlyMap<string, ReasonRule>;

  constructor(readonly table: ReasonTable) {
    this.byRaw = new Map(table.rules.flatMap((rule) => (rule.code === undefined ? [rule.raw] : [rule.raw, rule.code]).map((word) => [key(word), rule] as const)));
  }

  /** The row of `raw`, for emit's `code` fact: its reason, and its permanence when the table gives one. */
  get(raw: string | undefined): ReasonRule | undefined {
    return raw === undefined ? undefined : this.byRaw.get(key(raw));
  }
}

/**
 * The display status a stored word stands for. Engagement signals are display statuses, except
 * `resubscribed`: a recipient who resubscribed from the message had received it, hence `delivered`.
 */
export const displayOf = (type: EventType): DisplayStatus => (type === 'resubscribed' ? 'delivered' : type);

/**
 * Status words derived from the event rules: every word (and code) with a default row (no condition) maps to the
 * display status of its type, in the channel of its source. The first source that knows a word wins for its channel.
 */
export function derivedStatuses(sources: readonly EventSource[]): StatusRule[] {
  const out: StatusRule[] = [];
  const seen = new Set<string>();
  for (const source of sources) {
    for (const rule of source.rules) {
      if (rule.when !== undefined) continue;
      for (const word of wordsOf(rule)) {
        const id = `${source.channel}\u0000${key(word)}`;
        if (seen.has(id)) continue;
        seen.add(id);
        out.push({ raw: word, status: displayOf(rule.type), channel: source.channel });
      }
    }
  }
  return out;
}
