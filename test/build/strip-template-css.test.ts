// The builds ship our `css` templates without comments and indentation (scripts/strip-template-css.mjs): each
// stylesheet of the kit must mean the same to the browser once stripped, rule for rule, and lose what it should.
import { expect } from '@open-wc/testing';
import type { CSSResult, LitElement } from 'lit';
import '../../src/define.js';
import { stripCss, stripTemplateCss } from '../../scripts/strip-template-css.mjs';

const TAGS = ['email-status-badge', 'campaign-stats', 'status-timeline', 'status-source'];

/**
 * The rules of `css` as the browser reads them. A value that holds a `var()` keeps its source whitespace, indentation
 * of continued lines included, which the strip drops: that indentation (after a line break, only) is not compared.
 */
function rules(css: string): string[] {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  return [...sheet.cssRules].map((rule) => rule.cssText.replace(/\n[ \t]+/g, '\n'));
}

describe('the CSS the builds ship', () => {
  const sheets = [...new Set(TAGS.flatMap((tag) => (customElements.get(tag) as unknown as typeof LitElement).elementStyles as CSSResult[]))];

  it('reads every stylesheet of the kit', () => {
    // Tokens, base, tooltip and one per element at least: a test over no sheet would prove nothing.
    expect(sheets.length).to.be.greaterThan(5);
  });

  it('keeps every rule of every stylesheet, and drops the comments and indentation', () => {
    let before = 0;
    let after = 0;
    for (const sheet of sheets) {
      const stripped = stripCss(sheet.cssText);
      expect(rules(stripped)).to.deep.equal(rules(sheet.cssText));
      expect(stripped).to.not.include('/*');
      expect(stripped).to.not.match(/^[ \t]/m);
      before += sheet.cssText.length;
      after += stripped.length;
    }
    expect(after).to.be.lessThan(before * 0.8);
  });

  it('keeps the lines where they were, and touches only css templates', () => {
    const source = "const a = '/* kept */';\nconst s = css`\n  /* why\n     two lines */\n  .a {\n    color: red;\n  }\n`;\n";
    const stripped = stripTemplateCss(source);
    expect(stripped.split('\n')).to.have.length(source.split('\n').length);
    expect(stripped).to.equal("const a = '/* kept */';\nconst s = css`\n\n\n.a {\ncolor: red;\n}\n`;\n");
  });
});
