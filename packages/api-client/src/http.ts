import { ErrorCode } from '@gcm/domain';
import {
  ApiError,
  NETWORK_ERROR_STATUS,
  apiErrorFromResponse,
  isRecord,
  parseJson,
} from './api-error';

/**
 * The few parts of `fetch` the client uses, spelled out so that the published types need
 * neither the DOM library nor Node's: the global `fetch` of browsers and of Node 20 fits.
 */
export interface FetchInit {
  method: string;
  headers: Record<string, string>;
  body?: string | Blob;
  credentials?: 'include' | 'same-origin' | 'omit';
  signal?: AbortSignal;
}

export interface FetchResponse {
  readonly status: number;
  readonly ok: boolean;
  text(): Promise<string>;
  /** Needed only for requests that want a Blob back (`responseType: 'blob'`). */
  blob?(): Promise<Blob>;
}

export type FetchFn = (url: string, init: FetchInit) => Promise<FetchResponse>;

export type QueryValue = string | number | boolean | null | undefined;

export interface HttpOptions {
  /** Origin of the API, e.g. `http://127.0.0.1:3000`, or `''` for the page's own origin. */
  baseUrl: string;
  fetch?: FetchFn;
  /** A bearer token (the bot, scripts), or a function read before each request. */
  token?: string | (() => string | null | undefined);
  /** `'include'` for the console's cookie session. */
  credentials?: FetchInit['credentials'];
  /** Abort a request that has not answered after this many milliseconds. */
  timeoutMs?: number;
  /** Called with every ApiError before it is thrown (the console redirects on 401 here). */
  onError?: (error: ApiError) => void;
}

export interface RequestSpec {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  query?: object;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as is, with `contentType` (a Blob: a file, e.g. an XLSX workbook). */
  text?: string | Blob;
  contentType?: string;
  /**
   * Statuses besides 2xx whose body is returned instead of thrown, unless it is an error body
   * (`{ code }`): /health answers 503 with a health report when the database is down.
   */
  acceptStatuses?: readonly number[];
  /** `blob`: a 2xx answer is returned as a Blob (an image); errors are read as JSON as usual. */
  responseType?: 'blob';
}

/** A JSON object that is not an error body. */
function isReport(body: unknown): boolean {
  return isRecord(body) && typeof body.code !== 'string';
}

/** Turns a query object into `?a=1&b=x`, leaving out undefined, null and empty values. */
export function toQueryString(query: object | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query as Record<string, QueryValue>)) {
    if (value === undefined || value === null || value === '') continue;
    params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${path}`;
}

/** Encodes one path segment (an id) so that it cannot change the route. */
export function segment(value: string): string {
  return encodeURIComponent(value);
}

export type Requester = <T>(spec: RequestSpec) => Promise<T>;

/** The one place that talks HTTP: headers, auth, body encoding, error mapping. */
export function createRequester(options: HttpOptions): Requester {
  const fetchFn: FetchFn = options.fetch ?? ((url, init) => globalThis.fetch(url, init));

  const fail = (error: ApiError): never => {
    options.onError?.(error);
    throw error;
  };

  return async function request<T>(spec: RequestSpec): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    const token = typeof options.token === 'function' ? options.token() : options.token;
    if (token) headers.Authorization = `Bearer ${token}`;

    const init: FetchInit = { method: spec.method, headers };
    if (spec.text !== undefined) {
      init.body = spec.text;
      headers['Content-Type'] = spec.contentType ?? 'text/plain; charset=utf-8';
    } else if (spec.json !== undefined) {
      init.body = JSON.stringify(spec.json);
      headers['Content-Type'] = 'application/json';
    }
    if (options.credentials) init.credentials = options.credentials;
    if (options.timeoutMs) init.signal = AbortSignal.timeout(options.timeoutMs);

    const url = joinUrl(options.baseUrl, spec.path) + toQueryString(spec.query);
    let response: FetchResponse;
    let text: string;
    try {
      response = await fetchFn(url, init);
      if (spec.responseType === 'blob' && response.ok && response.blob) {
        return (await response.blob()) as T;
      }
      text = await response.text();
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      return fail(
        new ApiError(
          NETWORK_ERROR_STATUS,
          ErrorCode.Internal,
          `No answer from ${spec.method} ${url}: ${reason}`,
        ),
      );
    }

    const body = parseJson(text);
    if (!response.ok && !(spec.acceptStatuses?.includes(response.status) && isReport(body))) {
      return fail(apiErrorFromResponse(response.status, text));
    }
    return body as T;
  };
}
