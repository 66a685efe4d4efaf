// React 19 renders custom elements natively: strings go to attributes, objects and arrays to properties (React
// sets a property whenever the element has one, here `thresholds`), and `on<event-name>` props listen to custom
// events (`onmetric-select`, `onstatus-change`). Nothing to wrap. React 18 and older: see README.md beside this file.
import 'estafette/define';
import { RestDataSource, setDefaultSource } from 'estafette';

setDefaultSource(new RestDataSource({ baseUrl: '/api/estafette' }));

export function CampaignPage({ campaignId, contacts, thresholds, onFilter, onStatusChange }) {
  return (
    <main lang="fr">
      <campaign-stats
        campaign-id={campaignId}
        thresholds={thresholds}
        onmetric-select={(event) => onFilter(event.detail.statuses)}
      />
      <table>
        <tbody>
          {contacts.map((contact) => (
            <tr key={contact.id}>
              <td>{contact.name}</td>
              <td>
                <email-status-badge
                  message-id={contact.messageId}
                  size="small"
                  onstatus-change={(event) => onStatusChange?.(contact, event.newStatus)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
