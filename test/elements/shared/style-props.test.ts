import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import { styleProps, type StyleProps } from '../../../src/elements/shared/style-props.js';

// Under a strict CSP (style-src without 'unsafe-inline') a style attribute written as a string is blocked, the
// CSSOM is not: scripts/check-csp.mjs checks the elements on such a page, this checks the directive itself.
describe('styleProps', () => {
  const draw = (host: HTMLElement, props: StyleProps) => render(html`<div style=${styleProps(props)}></div>`, host);

  it('sets properties through the CSSOM from the first render, never as a style attribute string', () => {
    const host = document.createElement('div');
    const writes: string[] = [];
    const setAttribute = Element.prototype.setAttribute;
    Element.prototype.setAttribute = function (this: Element, name: string, value: string) {
      if (name.toLowerCase() === 'style') writes.push(value);
      setAttribute.call(this, name, value);
    };
    try {
      draw(host, { top: '12px', 'anchor-name': '--a', '--x': 'red', height: undefined });
    } finally {
      Element.prototype.setAttribute = setAttribute;
    }
    const { style } = host.firstElementChild as HTMLElement;
    expect(writes).to.deep.equal([]);
    expect(style.top).to.equal('12px');
    expect(style.getPropertyValue('anchor-name')).to.equal('--a');
    expect(style.getPropertyValue('--x')).to.equal('red');
    expect(style.height).to.equal('');
  });

  it('updates changed properties and removes the ones left out', () => {
    const host = document.createElement('div');
    draw(host, { top: '12px', height: '30px' });
    draw(host, { top: '24px' });
    const { style } = host.firstElementChild as HTMLElement;
    expect(style.top).to.equal('24px');
    expect(style.height).to.equal('');
    draw(host, { top: undefined, height: '5px' });
    expect([style.top, style.height]).to.deep.equal(['', '5px']);
  });

  it('refuses a binding that is not the whole style attribute', () => {
    const host = document.createElement('div');
    expect(() => render(html`<div title=${styleProps({ top: '1px' })}></div>`, host)).to.throw(/style attribute/);
  });
});
