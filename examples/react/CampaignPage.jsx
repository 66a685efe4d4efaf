// React 19 renders custom elements natively: attributes for strings, properties for objects, and `on<event>`
// props for custom events (here `onmetric-select`). Nothing to wrap.
import 'estafette/define';
import { RestDataSource, setDefaultSource } from 'estafette';

setDefaultSource(new RestDataSource({ baseUrl: '/api/estafette' }));

export function CampaignPage({ campaignId, contacts, onFilter }) {
  return (
    <main lang="fr">
      <campaign-stats campaign-id={campaignId} onmetric-select={(event) => onFilter(event.detail.statuses)} />
      <table>
        <tbody>
          {contacts.map((contact) => (
            <tr key={contact.id}>
              <td>{contact.name}</td>
              <td><email-status-badge message-id={contact.messageId} size="small" /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
