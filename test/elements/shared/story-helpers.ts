// Reading a CSF3 stories module as test fixtures: the meta (default export) and the stories (the other object exports).
import type { TemplateResult } from 'lit';

export type StoryArgs = Record<string, unknown>;

/** What a test needs of a story. */
export interface StoryLike {
  name?: string;
  args?: StoryArgs;
  loaders?: unknown[];
  render?: (args: StoryArgs, context: unknown) => TemplateResult;
}

/** The meta and the `[exportName, story]` pairs of a stories module. */
export function storiesOf(module: Record<string, unknown>): {
  meta: Required<Pick<StoryLike, 'args' | 'render'>>;
  stories: [string, StoryLike][];
} {
  const meta = module['default'] as Required<Pick<StoryLike, 'args' | 'render'>>;
  const stories = Object.entries(module).filter(
    (entry): entry is [string, StoryLike] => entry[0] !== 'default' && typeof entry[1] === 'object' && entry[1] !== null,
  );
  return { meta, stories };
}
