import { css } from 'lit';
import { hostTextStyles } from './host-text.js';

/** Rules every Estafette element with a rich shadow tree shares: `hidden` works, sizes include borders, the page's
 * inherited text properties stay out (`hostTextStyles`), and `.visually-hidden` keeps text for assistive technology
 * without showing it. */
export const baseStyles = css`
  ${hostTextStyles}
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
`;
