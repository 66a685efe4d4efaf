// Chai for tests that run both in Chromium (wtr) and in Node (mocha): the ESM build of @esm-bundle/chai is the
// same module @open-wc/testing uses in the browser, and loads in Node as well.
import type * as Chai from '@esm-bundle/chai';
// @ts-expect-error the ESM file has no declarations of its own; its types are the package's.
import * as chaiModule from '@esm-bundle/chai/esm/chai.js';

export const expect: typeof Chai.expect = (chaiModule as typeof Chai).expect;
