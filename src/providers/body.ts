import { ProviderPayloadError } from './errors.js';
import { formToRecord } from './form.js';
import { parseJsonLossless } from './lossless-json.js';

const decoder = new TextDecoder('utf-8');

const isBytes = (body: unknown): body is ArrayBuffer | ArrayBufferView =>
  body instanceof ArrayBuffer || ArrayBuffer.isView(body);

/**
 * Turns what a webhook delivered into a JSON value: text and bytes are parsed (JSON losslessly; form bodies
 * for providers that post forms), `URLSearchParams` becomes a record, parsed values pass through.
 */
export function decodeBody(provider: string, body: unknown, acceptsForm: boolean): unknown {
  if (isBytes(body)) {
    const bytes = body instanceof ArrayBuffer ? new Uint8Array(body) : new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
    return decodeBody(provider, decoder.decode(bytes), acceptsForm);
  }
  if (typeof body === 'string') {
    const text = body.replace(/^\uFEFF/, '').trim();
    if (text === '') throw new ProviderPayloadError(provider, '$', 'empty body');
    if (text.startsWith('{') || text.startsWith('[')) {
      try {
        return parseJsonLossless(text);
      } catch (error) {
        throw new ProviderPayloadError(provider, '$', `body is not valid JSON (${String((error as Error).message).slice(0, 120)})`);
      }
    }
    if (acceptsForm) return formToRecord(text);
    throw new ProviderPayloadError(provider, '$', 'body is not JSON');
  }
  if (typeof URLSearchParams !== 'undefined' && body instanceof URLSearchParams) {
    if (acceptsForm) return formToRecord(body);
    throw new ProviderPayloadError(provider, '$', 'this provider posts JSON, not a form');
  }
  if (typeof body !== 'object' || body === null) {
    throw new ProviderPayloadError(provider, '$', `expected a webhook body, got ${body === null ? 'null' : typeof body}`);
  }
  return body;
}
