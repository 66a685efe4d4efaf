// examples/vue/CampaignPage.vue itself, compiled by Vue's SFC compiler with the `isCustomElement` the example asks
// for (server-plugins.mjs) and mounted with Vue 3; the checks are campaign-page-suite.ts's.
import { expect } from '@open-wc/testing';
import { createApp, h, nextTick, shallowReactive } from 'vue';
import CampaignPage from '../../examples/vue/CampaignPage.vue';
import { describeCampaignPage } from './campaign-page-suite.js';

describeCampaignPage('Vue 3 with examples/vue/CampaignPage.vue', (container, inputs, outputs) => {
  // Props as a parent passes them: strings as attributes, objects with .prop, listeners as on<Event>.
  const props = shallowReactive({
    ...inputs,
    onFilter: outputs.filter,
    'onStatus-change': outputs.statusChange,
  });
  const app = createApp({ render: () => h(CampaignPage, props) });
  app.mount(container);
  return {
    async update(changed) {
      Object.assign(props, changed);
      await nextTick();
    },
    unmount: () => app.unmount(),
    assertGone: () => expect(container.children).to.have.length(0),
  };
});
