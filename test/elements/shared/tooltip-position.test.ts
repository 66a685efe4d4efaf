import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { positionTooltip, supportsAnchorPositioning } from '../../../src/elements/shared/tooltip-position.js';
import { inWebKit } from '../../support/engine.js';
import { inViewport } from '../../support/placement.js';

describe('positionTooltip', () => {
  it('uses CSS anchor positioning where the engine has it (Chromium, Firefox), never in WebKit', () => {
    expect(supportsAnchorPositioning()).to.equal(!inWebKit);
  });

  it('names the anchor on the trigger and the tooltip for the CSS strategy', async () => {
    const root = await fixture(html`<div><button>trigger</button><div popover="manual">tip</div></div>`);
    const [trigger, tip] = [root.querySelector('button')!, root.querySelector<HTMLElement>('[popover]')!];
    positionTooltip(trigger, tip, 'anchor');
    const name = trigger.style.getPropertyValue('anchor-name');
    expect(name).to.match(/^--estafette-tip-\d+$/);
    expect(tip.style.getPropertyValue('position-anchor')).to.equal(name);
    expect(tip.classList.contains('anchored')).to.equal(true);
  });

  // The path taken by browsers without anchor positioning, forced here.
  for (const [corner, style] of [
    ['bottom-right', 'right: 0; bottom: 0'],
    ['top-left', 'left: 0; top: 0'],
  ] as const) {
    it(`keeps a Floating UI tooltip inside the viewport for a trigger in the ${corner} corner`, async () => {
      const root = await fixture(html`<div>
        <button style="position: fixed; ${style}">trigger</button>
        <div popover="manual" style="position: fixed; inset: auto; margin: 0; width: 300px; height: 120px">tip</div>
      </div>`);
      const [trigger, tip] = [root.querySelector('button')!, root.querySelector<HTMLElement>('[popover]')!];
      tip.showPopover();
      const stop = positionTooltip(trigger, tip, 'floating');
      try {
        await waitUntil(() => tip.style.top !== '' && tip.style.visibility === '', 'never positioned');
        const rect = tip.getBoundingClientRect();
        const anchor = trigger.getBoundingClientRect();
        expect(inViewport(rect), JSON.stringify(rect)).to.equal(true);
        // Beside the trigger: below it when there is room, above it otherwise, never on top of it.
        expect(rect.top >= anchor.bottom || rect.bottom <= anchor.top).to.equal(true);
      } finally {
        stop();
        tip.hidePopover();
      }
    });
  }
});
