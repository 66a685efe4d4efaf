// How the property tests (fast-check) pick their cases, in Node and in the browsers alike.
//
// By default (`npm test`, CI) every property draws its cases from one fixed seed: the same cases on each run, so a
// red run is a regression of code someone changed, replayable as it is, and CI never fails at random on a case no one
// touched. `npm run test:explore` sets PROPERTIES=explore: a new random seed per property, and the browser properties
// run EXPLORE_FACTOR times as many cases. Run it after changing the data layer or the elements' loading; a failure
// prints its seed and path: keep the shrunk counterexample as a fixed example beside the property, then fix it.
import fc from 'fast-check';

declare global {
  /** Set by the test page (web-test-runner.config.mjs) from the PROPERTIES variable of the test run. */
  var __estafetteProperties: { explore?: boolean } | undefined;
}

/** The seed of the default runs. */
export const FIXED_SEED = 20_261_126;
/** How many times as many cases the browser properties run when exploring. */
export const EXPLORE_FACTOR = 8;

const fromNode = (): boolean => (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.PROPERTIES === 'explore';
/** True in `npm run test:explore`. */
export const EXPLORING: boolean = globalThis.__estafetteProperties?.explore ?? fromNode();

/** Every property of this runtime draws from FIXED_SEED unless exploring (a property's own `seed` still wins). */
if (!EXPLORING) fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: FIXED_SEED });

/** A describe block's time limit for properties of `ms` at their default case count: EXPLORE_FACTOR times longer when exploring. */
export const propertyTimeout = (ms: number): number => (EXPLORING ? ms * EXPLORE_FACTOR : ms);

/**
 * fast-check parameters for a browser property of `runs` cases: FIXED_SEED, or a random seed and EXPLORE_FACTOR ×
 * `runs` when exploring; `seed` (a failure's, to replay it) wins over both. Counterexamples come with the assertion
 * they broke.
 */
export const propertyParams = (runs: number, seed?: number): fc.Parameters<unknown> => ({
  numRuns: EXPLORING ? runs * EXPLORE_FACTOR : runs,
  verbose: 0,
  includeErrorInReport: true,
  ...(seed !== undefined ? { seed } : EXPLORING ? {} : { seed: FIXED_SEED }),
});
