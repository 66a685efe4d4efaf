import { css } from 'lit';

/**
 * The inherited text properties a page's ancestors would hand down through the shadow boundary, reset on the host:
 * under `white-space: pre-wrap` the templates' own line breaks and indentation showed (a `<campaign-stats>` grew from
 * 1,178 to 1,896 px high, a `<status-timeline>` from 293 to 733 px), and `text-indent`, `letter-spacing`,
 * `word-spacing` and `text-transform` widened or rewrote labels sized for the kit's own text. A page can still set
 * any of them on the element itself: its own rules win over `:host`. So does a reader's text-spacing stylesheet (WCAG
 * 1.4.12, `* { letter-spacing: 0.12em !important; … }` from a bookmarklet or an extension): its `*` matches the host,
 * and the spacing is inherited from there (test/theme/reflow.test.ts).
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
