import { define } from '../shared/define.js';
import { StatusTimelineElement } from './status-timeline.js';

define('status-timeline', StatusTimelineElement);

declare global {
  interface HTMLElementTagNameMap {
    'status-timeline': StatusTimelineElement;
  }
}

export { StatusTimelineElement };
