import { define } from '../shared/define.js';
import { EmailStatusBadgeElement } from './email-status-badge.js';

/** Registers `<email-status-badge>` (a no-op when this version already did; a warning when another did). */
define('email-status-badge', EmailStatusBadgeElement);

declare global {
  interface HTMLElementTagNameMap {
    'email-status-badge': EmailStatusBadgeElement;
  }
}

export { EmailStatusBadgeElement };
