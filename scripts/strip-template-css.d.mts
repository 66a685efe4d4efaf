/** CSS text without comments and without the indentation of its lines. */
export function stripCss(css: string): string;
/** A module's source with the body of each `css` template stripped. */
export function stripTemplateCss(code: string): string;
