// The @lit/react wrappers for React 18 and older, generated from custom-elements.json, used with React 19 (they
// behave the same there): see wrapper-suite.ts. react18-wrappers.test.ts runs the same checks with React 18.
import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import * as wrappers from 'virtual:estafette-react';
import { describeWrappers } from './wrapper-suite.js';

describeWrappers('19', { createElement, dom: { createRoot, flushSync }, wrappers });
