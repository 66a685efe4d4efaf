import { css } from 'lit';

/**
 * The inherited text properties a page's ancestors would hand down through the shadow boundary, reset on the host:
 * under `white-space: pre-wrap` the templates' own line breaks and indentation showed (a `<campaign-stats>` grew from
 * 1,178 to 1,896 px high, a `<status-timeline>` from 293 to 733 px), and `text-indent`, `letter-spacing`,
 * `word-spacing` and `text-transform` widened or rewrote labels sized for the kit's own text. A page can still set
 * any of them on the element itself: its own rules win over `:host`.
 */
export const hostTextStyles = css`
  :host {
    white-space: normal;
    text-indent: 0;
    letter-spacing: normal;
    word-spacing: normal;
    text-transform: none;
  }
`;
