// Angular (17 or later): CUSTOM_ELEMENTS_SCHEMA lets templates use the tags. [attr.x] sets an attribute (strings),
// [prop] a property (objects: here `thresholds`), and (event-name) listens to the custom events.
import { Component, CUSTOM_ELEMENTS_SCHEMA, EventEmitter, Input, Output } from '@angular/core';
import 'estafette/define';

interface Contact {
  id: string;
  name: string;
  messageId: string;
}

@Component({
  selector: 'app-campaign-page',
  standalone: true,
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <status-source endpoint="/api/estafette" lang="fr">
      <campaign-stats
        [attr.campaign-id]="campaignId"
        [thresholds]="thresholds"
        (metric-select)="filter.emit($any($event).detail.statuses)"
      ></campaign-stats>
      <table>
        <tbody>
          @for (contact of contacts; track contact.id) {
            <tr>
              <td>{{ contact.name }}</td>
              <td>
                <email-status-badge
                  [attr.message-id]="contact.messageId"
                  size="small"
                  (status-change)="statusChange.emit({ contact, status: $any($event).newStatus })"
                ></email-status-badge>
              </td>
            </tr>
          }
        </tbody>
      </table>
    </status-source>
  `,
})
export class CampaignPageComponent {
  @Input() campaignId = '';
  @Input() contacts: Contact[] = [];
  /** Your own alert levels, e.g. `{ bounced: { warning: 0.02, danger: 0.04 } }`; the defaults otherwise. */
  @Input() thresholds?: object;
  @Output() filter = new EventEmitter<readonly string[]>();
  @Output() statusChange = new EventEmitter<{ contact: Contact; status: string }>();
}
