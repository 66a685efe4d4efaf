import { define } from '../shared/define.js';
import { StatusSourceElement } from './status-source.js';

define('status-source', StatusSourceElement);

declare global {
  interface HTMLElementTagNameMap {
    'status-source': StatusSourceElement;
  }
}

export { StatusSourceElement };
