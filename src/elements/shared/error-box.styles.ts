import { css } from 'lit';

/**
 * How `<campaign-stats>` and `<status-timeline>` draw a failed load: a box tinted in the `.danger` colors, the message
 * in the text's color with its icon beside the first line (a line is 1em plus 0.375rem of leading, the icon 1em; centered
 * on a message on three lines, it stood beside the second), then the retry button. One sheet, shared by both.
 */
export const errorBoxStyles = css`
  .error {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    padding: 0.75rem 0.875rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  .error-message {
    display: flex;
    align-items: start;
    gap: 0.5rem;
    margin: 0;
  }
  .error-message .icon {
    margin-block-start: 0.1875rem;
    color: var(--_fg);
  }
`;
