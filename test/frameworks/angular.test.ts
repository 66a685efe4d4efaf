// examples/angular/campaign-page.component.ts itself, compiled with Angular's decorators (server-plugins.mjs) and
// created with Angular 21 in the page (JIT, zoneless); the checks are campaign-page-suite.ts's.
import '@angular/compiler';
import { provideZonelessChangeDetection } from '@angular/core';
import { createApplication } from '@angular/platform-browser';
import { expect } from '@open-wc/testing';
import { CampaignPageComponent } from '../../examples/angular/campaign-page.component.js';
import { describeCampaignPage } from './campaign-page-suite.js';

describeCampaignPage(
  'Angular 21 with examples/angular/campaign-page.component.ts',
  async (container, inputs, outputs) => {
    const app = await createApplication({ providers: [provideZonelessChangeDetection()] });
    const page = app.bootstrap(CampaignPageComponent, container);
    const set = (changed: Partial<typeof inputs>) => {
      for (const [name, value] of Object.entries(changed)) page.setInput(name, value);
      page.changeDetectorRef.detectChanges();
    };
    set(inputs);
    page.instance.filter.subscribe(outputs.filter);
    page.instance.statusChange.subscribe(({ contact, status }) => outputs.statusChange(contact, status));
    return {
      update: set,
      unmount: () => app.destroy(),
      assertGone: () => expect(page.hostView.destroyed).to.equal(true),
    };
  },
  'app-campaign-page',
);
