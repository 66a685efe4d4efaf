import { DataSourceError } from './errors.js';
import { abortReason, backoffDelay, isAbortError, parseRetryAfter, sleep, type Timers } from './timing.js';
import { numberOption } from './number-option.js';
import { buildUrl } from './request-url.js';

/**
 * What `new Headers(init)` takes: the DOM's `HeadersInit` in a browser, undici's in Node. Named through the `Headers`
 * constructor, not as `HeadersInit` (a DOM-only name, unknown to a Node project without the DOM lib).
 */
type HeadersInitOf = NonNullable<ConstructorParameters<typeof Headers>[0]>;

/** Headers sent with every request; a function is called before each request (to refresh a token). */
export type HeadersOption = HeadersInitOf | (() => HeadersInitOf | Promise<HeadersInitOf>);

/** When and how often failed requests are tried again. */
export interface RetryOptions {
  /** Retries after the first attempt. Default 3. */
  readonly retries?: number;
  /** Delay before the first retry, in ms; doubles at each retry. Default 300. */
  readonly baseDelay?: number;
  /** Largest delay between two attempts, in ms. Default 10,000. */
  readonly maxDelay?: number;
  /** Longest `Retry-After` honored, in ms; a server asking for longer gets the error passed on. Default 60,000. */
  readonly maxRetryAfter?: number;
}

/** What {@link HttpClient} needs. */
export interface HttpClientOptions {
  readonly baseUrl: string;
  readonly headers?: HeadersOption;
  /** Send cookies with every request, to another origin too (`credentials: 'include'`). */
  readonly withCredentials?: boolean;
  readonly fetch?: typeof fetch;
  /** Per-attempt time limit in ms. Default 30,000; 0 means none. */
  readonly timeout?: number;
  readonly retry?: RetryOptions;
  readonly timers: Timers;
  readonly now: () => number;
  readonly random: () => number;
}

/** One request: method, path under the base URL, query parameters, JSON body, and the body's validator. */
export interface HttpRequest<T> {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly query?: Readonly<Record<string, string | undefined>>;
  readonly body?: unknown;
  readonly signal?: AbortSignal;
  /** Checks the parsed JSON body; throws a `malformed` DataSourceError when it is wrong. */
  readonly parse: (body: unknown) => T;
}

// 408 and 425 are "try again" answers too; other 4xx mean the request itself is wrong.
const RETRYABLE_STATUS = (status: number) => status >= 500 || status === 429 || status === 408 || status === 425;

/**
 * JSON over HTTP with the policies every read of this layer shares: a time limit per attempt, retries with
 * exponential backoff and jitter on network errors, 5xx, 408, 425 and 429 (honoring `Retry-After`), none on other
 * 4xx nor on a time-out (retryable, handed on at once: the wait was long enough), and validation of the body. Every failure becomes a {@link DataSourceError}, except an abort by the
 * caller, which rejects with the signal's reason (an `AbortError`) as `fetch` does.
 * The reads this layer makes are idempotent, `POST /messages/batch` included, so retrying them is safe.
 */
export interface HttpClient {
  /** The full URL of a request (used to decide between GET and POST for long id lists). */
  url(path: string, query?: Readonly<Record<string, string | undefined>>): string;
  request<T>(request: HttpRequest<T>): Promise<T>;
}

/** The {@link HttpClient} of one data source. */
export function httpClient(options: HttpClientOptions): HttpClient {
  const { timers, retry } = options;
  const number = (name: string, value: number | undefined, fallback: number) => numberOption('RestDataSource', name, value, fallback, 0);
  const retries = number('retry.retries', retry?.retries, 3);
  const backoff = { baseDelay: number('retry.baseDelay', retry?.baseDelay, 300), maxDelay: number('retry.maxDelay', retry?.maxDelay, 10_000) };
  const maxRetryAfter = number('retry.maxRetryAfter', retry?.maxRetryAfter, 60_000);
  const timeout = number('timeout', options.timeout, 30_000);
  const url = (path: string, query?: Readonly<Record<string, string | undefined>>): string => buildUrl(options.baseUrl, path, query);

  /** The request's headers: at once when they are given as an object, so that fetch() starts in the same task. */
  const headersFor = (hasBody: boolean): Headers | Promise<Headers> => {
    const given = options.headers;
    const complete = (init: HeadersInitOf | undefined) => {
      const headers = new Headers(init);
      if (!headers.has('accept')) headers.set('accept', 'application/json');
      if (hasBody) headers.set('content-type', 'application/json');
      return headers;
    };
    return typeof given === 'function' ? Promise.resolve(given()).then(complete) : complete(given);
  };

  async function attempt<T>(request: HttpRequest<T>): Promise<T> {
    const controller = new AbortController();
    const onCallerAbort = () => controller.abort(abortReason(request.signal!));
    request.signal?.addEventListener('abort', onCallerAbort, { once: true });
    let timedOut = false;
    const timer = timeout > 0 ? timers.setTimeout(() => {
      timedOut = true;
      controller.abort(new DOMException('The request timed out.', 'TimeoutError'));
    }, timeout) : undefined;
    const target = url(request.path, request.query);
    try {
      const fetchFn = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
      let response: Response;
      try {
        const headers = headersFor(request.body !== undefined);
        response = await fetchFn(target, {
          method: request.method,
          headers: headers instanceof Headers ? headers : await headers,
          ...(request.body !== undefined && { body: JSON.stringify(request.body) }),
          ...(options.withCredentials && { credentials: 'include' as const }),
          // Every read asks the server, at worst with a conditional request (ETag: a 304): an answer the browser kept for
          // the API's `Cache-Control: max-age` would otherwise serve a refresh, a retry and the polls with old figures.
          // This source's own cache (`cacheTtl`) is the one that answers without asking.
          cache: 'no-cache',
          signal: controller.signal,
        });
      } catch (error) {
        if (timedOut) throw new DataSourceError(`${request.method} ${target} timed out after ${timeout} ms`, { kind: 'timeout', retryable: true, cause: error });
        if (request.signal?.aborted || isAbortError(error)) throw error;
        throw new DataSourceError(`${request.method} ${target} failed: network error`, { kind: 'network', retryable: true, cause: error });
      }
      if (!response.ok) {
        const retryAfter = parseRetryAfter(response.headers.get('retry-after'), options.now());
        // Drain the body so that the connection can be reused; its text is not trusted or shown.
        await response.text().catch(() => '');
        throw new DataSourceError(`${request.method} ${target} answered HTTP ${response.status}`, {
          kind: 'http',
          status: response.status,
          retryable: RETRYABLE_STATUS(response.status),
          ...(retryAfter !== undefined && { retryAfter }),
        });
      }
      let text: string;
      try {
        text = await response.text();
      } catch (error) {
        if (timedOut) throw new DataSourceError(`${request.method} ${target} timed out after ${timeout} ms`, { kind: 'timeout', retryable: true, cause: error });
        if (request.signal?.aborted) throw error;
        throw new DataSourceError(`${request.method} ${target}: the body could not be read`, { kind: 'network', retryable: true, cause: error });
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (error) {
        throw new DataSourceError(`${request.method} ${target}: the body is not JSON`, { kind: 'malformed', status: response.status, cause: error });
      }
      try {
        return request.parse(json);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new DataSourceError(`${request.method} ${target}: ${message}`, { kind: 'malformed', status: response.status, cause: error });
      }
    } finally {
      if (timer !== undefined) timers.clearTimeout(timer);
      request.signal?.removeEventListener('abort', onCallerAbort);
    }
  }

  return {
    url,
    async request(request) {
      const { signal } = request;
      for (let tried = 0; ; tried++) {
        if (signal?.aborted) throw abortReason(signal);
        let error: DataSourceError;
        try {
          return await attempt(request);
        } catch (caught) {
          if (signal?.aborted) throw abortReason(signal);
          error = caught instanceof DataSourceError ? caught : new DataSourceError(String(caught), { kind: 'network', retryable: true, cause: caught });
        }
        // A time-out is handed on at once: it already cost `timeout`, and the elements say it and try again.
        if (!error.retryable || error.kind === 'timeout' || tried >= retries) throw error;
        if (error.retryAfter !== undefined && error.retryAfter > maxRetryAfter) throw error;
        await sleep(error.retryAfter ?? backoffDelay(tried, backoff, options.random), signal, timers);
      }
    },
  };
}
