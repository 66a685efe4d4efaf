import { createContext } from '@lit/context';
import type { StatusDataSource } from './source.js';

/** The context through which `<status-source>` hands its data source to the elements inside it. */
export const statusSourceContext = createContext<StatusDataSource | undefined>(Symbol.for('estafette.status-source'));
