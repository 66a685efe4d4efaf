// `import type {} from 'estafette/vue'` (or `/// <reference types="estafette/vue" />`) in a Vue 3 + TypeScript app:
// the four tags typed in templates by vue-tsc (`strictTemplates` too), through Vue's `GlobalComponents`. Props are the
// elements' own properties; an attribute written in the template (`heading-level="3"`, `:campaign-id="42"`, which
// vue-tsc checks under its camelCase name) may be text, as the element reads its attributes. `@metric-select`,
// `@status-change`, `@stage-change` and `@entry-select` give `$event` its class (`MetricSelectEvent`, ...). The
// compiler must still be told the tags are custom elements (`compilerOptions.isCustomElement`, see the README).
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
import type { Optional, Tags } from './props.js';

/** `poll-interval` → `pollInterval`: the name vue-tsc checks a dashed attribute under. */
type Camel<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : S;
type Camelized<A> = { [K in keyof A & string as Camel<K>]-?: A[K] };
type ValueOf<T, K> = K extends keyof T ? T[K] : never;

/** The props read wider than the element's own types: the `wider` ones, and those an attribute also sets. */
type Wider<T extends Tags[keyof Tags]> = {
  [K in keyof T['wider'] | keyof Camelized<T['attributes']>]: ValueOf<T['element'], K> | ValueOf<T['wider'], K> | ValueOf<Camelized<T['attributes']>, K>;
};

/** `data-*` attributes, which vue-tsc checks as `dataX` on a component. */
type DataAttributes = { [name: `data${string}`]: unknown };

/** A tag as vue-tsc reads a component: its props (`$props`) and its events (`$emit`). */
type Element<T extends Tags[keyof Tags]> = new () => T['element'] & {
  /** @deprecated For template type-checking only: not on the element. */
  $props: HTMLAttributes & Optional<Omit<T['element'], keyof HTMLElement | keyof Wider<T>>> & Optional<Wider<T>> & DataAttributes & PublicProps;
  /** @deprecated For template type-checking only: not on the element. */
  $emit: EmitFn<{ [K in keyof T['events']]: (event: T['events'][K]) => void }>;
};

declare module 'vue' {
  interface GlobalComponents {
    'status-source': Element<Tags['status-source']>;
    'email-status-badge': Element<Tags['email-status-badge']>;
    'campaign-stats': Element<Tags['campaign-stats']>;
    'status-timeline': Element<Tags['status-timeline']>;
  }
}
