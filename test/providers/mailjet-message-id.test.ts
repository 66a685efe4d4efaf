// Mailjet events join the message the sender stored through MessageID, the id its send API returns.
// Message_GUID is another id: an event keyed on it would never join anything, so without MessageID the event is invalid.
import { expect } from '../support/expect.js';
import { normalize, ProviderPayloadError, type ProviderEvent } from '../../src/providers/index.js';

const GUID = '1ab23cd4-e567-8901-2345-6789f0ab1c2d';
const open = (ids: object) => ({ event: 'open', time: 1718010300, email: 'alice@example.com', ...ids });

describe('Mailjet: the message id of an Event API event', () => {
  it('is MessageID, kept digit for digit, even when Message_GUID is there too', () => {
    const [event] = normalize('mailjet', `[{"event":"open","time":1718010300,"MessageID":19421777835146493,"Message_GUID":"${GUID}"}]`);
    expect(event?.messageId).to.equal('19421777835146493');
  });

  it('is mj_message_id when MessageID is absent: the same id, written as text', () => {
    expect(normalize('mailjet', { event: 'sent', time: 1718010001, mj_message_id: '19421777835146490', Message_GUID: GUID })[0]?.messageId).to.equal('19421777835146490');
  });

  it('is never Message_GUID: an event with only that id is refused with a typed error at MessageID', () => {
    let error: unknown;
    try {
      normalize('mailjet', [open({ MessageID: 1 }), open({ Message_GUID: GUID })]);
    } catch (caught) {
      error = caught;
    }
    expect(error).to.be.instanceOf(ProviderPayloadError);
    expect((error as ProviderPayloadError).path).to.equal('$[1].MessageID');
    expect((error as ProviderPayloadError).message).to.match(/missing MessageID/);
  });

  it('hands such an event to onInvalidItem and keeps the others', () => {
    const skipped: string[] = [];
    const events: ProviderEvent[] = normalize('mailjet', [open({ Message_GUID: GUID }), open({ MessageID: 7, Message_GUID: GUID })], {
      onInvalidItem: (error) => skipped.push(error.path),
    });
    expect(events.map((event) => event.messageId)).to.deep.equal(['7']);
    expect(skipped).to.deep.equal(['$[0].MessageID']);
  });
});
