// Angular: CUSTOM_ELEMENTS_SCHEMA lets templates use the tags; [prop] binds properties, (event) listens.
import { Component, CUSTOM_ELEMENTS_SCHEMA, EventEmitter, Input, Output } from '@angular/core';
import 'estafette/define';

@Component({
  selector: 'app-campaign-page',
  standalone: true,
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <status-source endpoint="/api/estafette" lang="fr">
      <campaign-stats [attr.campaign-id]="campaignId" (metric-select)="filter.emit($any($event).detail.statuses)"></campaign-stats>
      <table>
        @for (contact of contacts; track contact.id) {
          <tr>
            <td>{{ contact.name }}</td>
            <td><email-status-badge [attr.message-id]="contact.messageId" size="small"></email-status-badge></td>
          </tr>
        }
      </table>
    </status-source>
  `,
})
export class CampaignPageComponent {
  @Input() campaignId = '';
  @Input() contacts: { id: string; name: string; messageId: string }[] = [];
  @Output() filter = new EventEmitter<readonly string[]>();
}
