// The builds ship our `css` templates without comments and needless whitespace (scripts/strip-template-css.mjs): each
// stylesheet of the kit must mean the same to the browser once stripped, rule for rule, and lose what it should.
import { expect } from '@open-wc/testing';
import type { CSSResult, LitElement } from 'lit';
import '../../src/define.js';
import { dropLastSemicolons, stripCss, stripTemplateCss } from '../../scripts/strip-template-css.mjs';

const TAGS = ['email-status-badge', 'campaign-stats', 'status-timeline', 'status-source'];

/**
 * The rules of `css` as the browser reads them. A value that holds a `var()` keeps its source whitespace (line breaks,
 * indentation, a space after a comma or a colon), and so does the condition of an `@supports`; the strip drops that
 * whitespace: there, a run of whitespace reads as one space, and none is compared next to a comma or after a colon.
 */
function rules(css: string): string[] {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  return [...sheet.cssRules].map((rule) => rule.cssText.replace(/\s+/g, ' ').replace(/ ?(,) ?|(:) /g, '$1$2'));
}

describe('the CSS the builds ship', () => {
  const sheets = [...new Set(TAGS.flatMap((tag) => (customElements.get(tag) as unknown as typeof LitElement).elementStyles as CSSResult[]))];

  it('reads every stylesheet of the kit', () => {
    // Tokens, base, tooltip and one per element at least: a test over no sheet would prove nothing.
    expect(sheets.length).to.be.greaterThan(5);
  });

  it('keeps every rule of every stylesheet, and drops the comments and needless whitespace', () => {
    let before = 0;
    let after = 0;
    for (const sheet of sheets) {
      const stripped = stripCss(sheet.cssText);
      expect(rules(stripped)).to.deep.equal(rules(sheet.cssText));
      expect(stripped).to.not.include('/*');
      expect(stripped).to.not.match(/\n| {2}/);
      before += sheet.cssText.length;
      after += stripped.length;
    }
    expect(after).to.be.lessThan(before * 0.75);
  });

  it('then drops the semicolon before each closing brace, and every stylesheet still means the same', () => {
    for (const sheet of sheets) {
      const built = dropLastSemicolons(stripCss(sheet.cssText));
      expect(rules(built)).to.deep.equal(rules(sheet.cssText));
      expect(built).to.not.include(';}');
    }
    expect(dropLastSemicolons('.a{color:red;margin:0 calc(1px + 2%);}@media print{.b{display:none;}}')).to.equal(
      '.a{color:red;margin:0 calc(1px + 2%)}@media print{.b{display:none}}',
    );
  });

  it('touches only css templates, and keeps what a template inserts', () => {
    const source = "const a = '/* kept */';\nconst s = css`\n  /* why\n     two lines */\n  ${base}\n  .a > .b,\n  .c {\n    color: red;\n    margin: 0 calc(1px + 2%);\n  }\n`;\n";
    expect(stripTemplateCss(source)).to.equal("const a = '/* kept */';\nconst s = css` ${base} .a > .b,.c{color:red;margin:0 calc(1px + 2%);}`;\n");
  });
});
