/**
 * A tiny typed fetch client for the Jixiao API.
 *
 * Every type comes from `schema.d.ts`, which `npm run generate` writes from the contract
 * (../../openapi/openapi.yaml) with openapi-typescript: a path, method, parameter, body or
 * response that the contract does not have does not compile.
 *
 *   const api = createClient({ baseUrl: 'https://jixiao.example.gov.cn', token: () => auth.accessToken() });
 *   const page = await api.listProjects({ status: 'ACTIVE', limit: 50 });
 *
 * Errors: any non-2xx answer throws a {@link ProblemError} carrying the RFC 9457 problem
 * (`application/problem+json`) the API sends.
 */
import type { components, operations, paths } from './schema.js';

export type { components, operations, paths };
export type Schemas = components['schemas'];
export type CurrentUser = Schemas['CurrentUser'];
export type Organisation = Schemas['Organisation'];
export type Project = Schemas['Project'];
export type ProjectPage = Schemas['ProjectPage'];
export type Framework = Schemas['Framework'];
export type Evaluation = Schemas['Evaluation'];
export type EvaluationInput = Schemas['EvaluationInput'];
export type EvaluationPage = Schemas['EvaluationPage'];
/**
 * The result of an evaluation: narrow on `state` — once `'FINALIZED'`, `total`, `totalExact`,
 * `grade` and `finalizedAt` are always there; before, never.
 */
export type EvaluationResult = Schemas['ProvisionalEvaluationResult'] | Schemas['FinalizedEvaluationResult'];
export type FinalizedEvaluationResult = Schemas['FinalizedEvaluationResult'];
export type ProvisionalEvaluationResult = Schemas['ProvisionalEvaluationResult'];
export type ProblemState = Schemas['ProblemState'];
export type Submission = Schemas['Submission'];
export type SubmissionList = Schemas['SubmissionList'];
export type SubmissionStatusList = Schemas['SubmissionStatusList'];
export type SubmissionInput = Schemas['SubmissionInput'];
export type Party = Schemas['Party'];
export type Problem = Schemas['Problem'];
export type FieldError = Schemas['FieldError'];
/** The datasets of `GET /v1/exports/{dataset}`. */
export type ExportDataset = operations['exportDataset']['parameters']['path']['dataset'];
/** The filters (and `format`) of an export: those of `listEvaluations` plus `street`. */
export type ExportQuery = NonNullable<operations['exportDataset']['parameters']['query']>;

/** A streamed export: the `Response` with its body unread, and the file's UTF-8 name. */
export interface ExportFile {
  response: Response;
  /** From `Content-Disposition` (`filename*`), e.g. `jixiao-results-黄埔区-2022.csv`. */
  fileName: string | undefined;
  format: 'csv' | 'xlsx';
}

/** The UTF-8 file name of a `Content-Disposition` (RFC 6266 `filename*`, else `filename`). */
export function fileNameOf(disposition: string | null): string | undefined {
  if (!disposition) return undefined;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) return decodeURIComponent(star[1]);
  return /filename="([^"]*)"/i.exec(disposition)?.[1];
}
export type AuditEvent = Schemas['AuditEvent'];
export type AuditEventPage = Schemas['AuditEventPage'];
export type AuditVerification = Schemas['AuditVerification'];
export type ChangeEvent = Schemas['ChangeEvent'];
export type ChangeEventPage = Schemas['ChangeEventPage'];

// ------------------------------------------------------------------ types from `paths`

/** The HTTP methods the contract uses. */
export type Method = 'get' | 'put' | 'post' | 'delete' | 'patch';

/** The methods that `paths[P]` defines (openapi-typescript marks the others `?: never`). */
export type MethodsOf<P extends keyof paths> = {
  [M in Method]-?: paths[P][M] extends { responses: unknown } ? M : never;
}[Method];

/** The operation object of `method path`. */
export type Operation<P extends keyof paths, M extends MethodsOf<P>> = Extract<paths[P][M], { responses: unknown }>;

type NeverToUndefined<T> = [T] extends [never] ? undefined : T;
type Params<O, Where extends 'path' | 'query' | 'header'> = O extends { parameters: infer X }
  ? X extends { [K in Where]?: infer V } ? NeverToUndefined<V> : undefined
  : undefined;

export type PathParams<O> = Params<O, 'path'>;
export type QueryParams<O> = Params<O, 'query'>;
export type HeaderParams<O> = Params<O, 'header'>;

/** The JSON request body of an operation (undefined when it takes none). */
export type RequestBody<O> = O extends { requestBody?: infer RB }
  ? [NonNullable<RB>] extends [never]
    ? undefined
    : NonNullable<RB> extends { content: { 'application/json': infer B } } ? B : undefined
  : undefined;

type SuccessStatus = 200 | 201 | 202 | 204;
/** The JSON body of the operation's success response(s). */
export type SuccessBody<O> = O extends { responses: infer R }
  ? {
      [S in keyof R & SuccessStatus]: R[S] extends { content: { 'application/json': infer B } } ? B : undefined;
    }[keyof R & SuccessStatus]
  : never;

/** What {@link JixiaoClient.request} takes besides method and path. */
export type RequestOptions<O> = (PathParams<O> extends undefined ? { path?: undefined } : { path: PathParams<O> }) &
  (Partial<QueryParams<O>> extends QueryParams<O> ? { query?: QueryParams<O> | undefined } : { query: QueryParams<O> }) &
  (RequestBody<O> extends undefined ? { body?: undefined } : { body: RequestBody<O> }) & {
    /** Extra headers, e.g. `If-Match` or `Idempotency-Key` (see {@link WriteOptions}). */
    headers?: Record<string, string>;
    signal?: AbortSignal;
  };

/** A 2xx answer: the parsed body with the status and the headers a client needs. */
export interface ApiResponse<T> {
  status: number;
  data: T;
  /** The ETag (the object's `version`, quoted): send it back in `If-Match`. */
  etag: string | undefined;
  /** The URL of a created object (201). */
  location: string | undefined;
  headers: Headers;
}

/**
 * Options of the reads that can look back in time (evaluation, result, submissions). `asOf` asks
 * for the answer a reader with the same rights got at that instant — amended scores, reopened
 * results and all; scope and independence are those of that instant. A `Date` is sent as its
 * ISO form (UTC); a string must be RFC 3339 with seconds and an offset
 * (`'2023-06-01T00:00:00Z'`, `'2023-06-01T08:00:00+08:00'`). A historical answer has no ETag.
 */
export interface ReadOptions {
  asOf?: string | Date;
  signal?: AbortSignal;
}

/** An `AbortSignal` (the older second argument of reads) or {@link ReadOptions}. */
export type ReadArgument = AbortSignal | ReadOptions | undefined;

function readOptions(o: ReadArgument): { query?: { asOf: string }; signal?: AbortSignal } {
  if (o === undefined) return {};
  if (typeof AbortSignal !== 'undefined' && o instanceof AbortSignal) return { signal: o };
  const r = o as ReadOptions;
  return {
    ...(r.asOf !== undefined ? { query: { asOf: r.asOf instanceof Date ? r.asOf.toISOString() : r.asOf } } : {}),
    ...(r.signal ? { signal: r.signal } : {}),
  };
}

/** Options of writes: `If-Match` for changes to an existing object, `Idempotency-Key` for creates. */
export interface WriteOptions {
  /** The object's `version` (a number, sent as `"3"`) or its ETag as received. */
  ifMatch?: number | string;
  /** 8..64 characters; the same key and body return the first result on a retry. */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

// ------------------------------------------------------------------ errors

/**
 * A non-2xx answer. `problem` holds the `application/problem+json` body as sent; its fields
 * are copied onto the error for convenience. An answer without a problem body gets
 * `type: 'about:blank'` and the HTTP status text as `title` (RFC 9457 §4.2.1).
 */
export class ProblemError extends Error {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string | undefined;
  readonly instance: string | undefined;
  /** Each field at fault of a validation problem (empty otherwise). */
  readonly errors: FieldError[];
  /** For state conflicts (409): the state the object is in, e.g. `OPEN`. */
  readonly currentState: ProblemState | undefined;
  /** For server errors: the id under which the server logged it. */
  readonly errorId: string | undefined;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(`${problem.status} ${problem.title}${problem.detail ? `: ${problem.detail}` : ''}`);
    this.name = 'ProblemError';
    this.problem = problem;
    this.type = problem.type;
    this.title = problem.title;
    this.status = problem.status;
    this.detail = problem.detail;
    this.instance = problem.instance;
    this.errors = problem.errors ?? [];
    this.currentState = problem.currentState;
    this.errorId = problem.errorId;
  }

  /** The message for one field, e.g. `err.fieldError('limit')`. */
  fieldError(field: string): string | undefined {
    return this.errors.find((e) => e.field === field)?.message;
  }
}

function isProblem(x: unknown): x is Problem {
  return typeof x === 'object' && x !== null && typeof (x as Problem).status === 'number' && typeof (x as Problem).title === 'string';
}

// ------------------------------------------------------------------ the client

export interface ClientOptions {
  /** Where the API is, e.g. `https://jixiao.example.gov.cn` (no trailing `/v1`). */
  baseUrl: string;
  /** The current access token (called before every request; refresh it there). */
  token: () => string | Promise<string>;
  /** A fetch implementation (defaults to the global one). */
  fetch?: typeof globalThis.fetch;
}

function ifMatchHeader(v: number | string): string {
  return typeof v === 'number' ? `"${v}"` : v;
}

function writeHeaders(o: WriteOptions | undefined): Record<string, string> {
  const h: Record<string, string> = {};
  if (o?.ifMatch !== undefined) h['If-Match'] = ifMatchHeader(o.ifMatch);
  if (o?.idempotencyKey !== undefined) h['Idempotency-Key'] = o.idempotencyKey;
  return h;
}

export function createClient(options: ClientOptions) {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);

  /**
   * Any operation of the contract, typed by its path and method:
   *   await api.request('get', '/v1/projects/{projectId}', { path: { projectId } })
   */
  async function request<P extends keyof paths, M extends MethodsOf<P>>(
    method: M,
    path: P,
    init: RequestOptions<Operation<P, M>>,
  ): Promise<ApiResponse<SuccessBody<Operation<P, M>>>> {
    const o = init as {
      path?: Record<string, string | number>;
      query?: Record<string, unknown>;
      body?: unknown;
      headers?: Record<string, string>;
      signal?: AbortSignal;
    };
    let url = String(path).replace(/\{([^}]+)\}/g, (_, name: string) => {
      const v = o.path?.[name];
      if (v === undefined) throw new TypeError(`missing path parameter ${name} for ${String(path)}`);
      return encodeURIComponent(String(v));
    });
    if (o.query) {
      const q = new URLSearchParams();
      for (const [k, v] of Object.entries(o.query)) {
        if (v === undefined || v === null) continue;
        for (const one of Array.isArray(v) ? v : [v]) q.append(k, String(one));
      }
      const s = q.toString();
      if (s) url += `?${s}`;
    }
    const headers = new Headers({ Accept: 'application/json, application/problem+json' });
    headers.set('Authorization', `Bearer ${await options.token()}`);
    for (const [k, v] of Object.entries(o.headers ?? {})) headers.set(k, v);
    let body: string | undefined;
    if (o.body !== undefined) {
      headers.set('Content-Type', 'application/json');
      body = JSON.stringify(o.body);
    }
    const res = await doFetch(baseUrl + url, {
      method: method.toUpperCase(),
      headers,
      ...(body !== undefined ? { body } : {}),
      ...(o.signal ? { signal: o.signal } : {}),
    });
    const text = await res.text();
    const type = res.headers.get('Content-Type') ?? '';
    let parsed: unknown = undefined;
    if (text && /json/i.test(type)) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
    }
    if (!res.ok) {
      throw new ProblemError(
        isProblem(parsed)
          ? parsed
          : { type: 'about:blank', title: res.statusText || `HTTP ${res.status}`, status: res.status, detail: text.slice(0, 500) || undefined },
      );
    }
    return {
      status: res.status,
      data: parsed as SuccessBody<Operation<P, M>>,
      etag: res.headers.get('ETag') ?? undefined,
      location: res.headers.get('Location') ?? undefined,
      headers: res.headers,
    };
  }

  const data = async <T>(p: Promise<ApiResponse<T>>): Promise<T> => (await p).data;

  /**
   * GET /v1/exports/{dataset}: the body is left unread, to be streamed to a file
   * (`Readable.fromWeb(file.response.body)` in Node, `response.blob()` in a browser); a
   * national export is tens of MB. A non-2xx answer throws a {@link ProblemError}.
   */
  async function exportDataset(dataset: ExportDataset, query: ExportQuery = {}, signal?: AbortSignal): Promise<ExportFile> {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null) q.append(k, String(v));
    const format = query.format ?? 'csv';
    const accept = format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv';
    const s = q.toString();
    const res = await doFetch(`${baseUrl}/v1/exports/${encodeURIComponent(dataset)}${s ? `?${s}` : ''}`, {
      headers: { Accept: `${accept}, application/problem+json`, Authorization: `Bearer ${await options.token()}` },
      ...(signal ? { signal } : {}),
    });
    if (!res.ok) {
      const text = await res.text();
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
      throw new ProblemError(
        isProblem(parsed) ? parsed : { type: 'about:blank', title: res.statusText || `HTTP ${res.status}`, status: res.status },
      );
    }
    return { response: res, fileName: fileNameOf(res.headers.get('Content-Disposition')), format };
  }

  return {
    request,

    /** GET /v1/exports/{dataset} (auditors; the bureau its district; street offices their projects): CSV or XLSX, streamed. */
    exportDataset,

    /** GET /v1/me */
    getCurrentUser: () => data(request('get', '/v1/me', {})),

    /** GET /v1/projects: a page of the projects in the caller's scope (pass `nextCursor` back as `cursor`). */
    listProjects: (query?: QueryParams<Operation<'/v1/projects', 'get'>>, signal?: AbortSignal) =>
      data(request('get', '/v1/projects', { query, ...(signal ? { signal } : {}) })),

    /** GET /v1/projects/{projectId} */
    getProject: (projectId: string, signal?: AbortSignal) =>
      data(request('get', '/v1/projects/{projectId}', { path: { projectId }, ...(signal ? { signal } : {}) })),

    /** GET /v1/frameworks/{frameworkId}: a framework version with its party → dimension → item tree. */
    getFramework: (frameworkId: string, signal?: AbortSignal) =>
      data(request('get', '/v1/frameworks/{frameworkId}', { path: { frameworkId }, ...(signal ? { signal } : {}) })),

    /** GET /v1/evaluations */
    listEvaluations: (query?: QueryParams<Operation<'/v1/evaluations', 'get'>>, signal?: AbortSignal) =>
      data(request('get', '/v1/evaluations', { query, ...(signal ? { signal } : {}) })),

    /** GET /v1/evaluations/{evaluationId}; with `{ asOf }` the evaluation as it stood then. */
    getEvaluation: (evaluationId: string, o?: ReadArgument) =>
      data(request('get', '/v1/evaluations/{evaluationId}', { path: { evaluationId }, ...readOptions(o) })),

    /** POST /v1/evaluations (bureau): a DRAFT evaluation. */
    createEvaluation: (body: EvaluationInput, o?: WriteOptions) =>
      data(request('post', '/v1/evaluations', { body, headers: writeHeaders(o), ...(o?.signal ? { signal: o.signal } : {}) })),

    /** POST /v1/evaluations/{evaluationId}/opening (bureau, DRAFT → OPEN); `ifMatch` is the evaluation's version. */
    openEvaluation: (evaluationId: string, o: WriteOptions & { ifMatch: number | string }) =>
      data(request('post', '/v1/evaluations/{evaluationId}/opening', {
        path: { evaluationId }, headers: writeHeaders(o), ...(o.signal ? { signal: o.signal } : {}),
      })),

    /** POST /v1/evaluations/{evaluationId}/submissions: the caller's party's item scores. */
    submitScores: (evaluationId: string, body: SubmissionInput, o?: WriteOptions) =>
      data(request('post', '/v1/evaluations/{evaluationId}/submissions', {
        path: { evaluationId }, body, headers: writeHeaders(o), ...(o?.signal ? { signal: o.signal } : {}),
      })),

    /** GET /v1/evaluations/{evaluationId}/result: provisional until finalized, then frozen; `{ asOf }` as it was then. */
    getEvaluationResult: (evaluationId: string, o?: ReadArgument) =>
      data(request('get', '/v1/evaluations/{evaluationId}/result', { path: { evaluationId }, ...readOptions(o) })),

    /** GET /v1/evaluations/{evaluationId}/submissions: whether each party has submitted (`{ asOf }`: had, then). */
    listSubmissions: (evaluationId: string, o?: ReadArgument) =>
      data(request('get', '/v1/evaluations/{evaluationId}/submissions', { path: { evaluationId }, ...readOptions(o) })),

    /** GET /v1/evaluations/{evaluationId}/submissions/{party}: its current revision, or with `{ asOf }` the one in force then. */
    getSubmission: (evaluationId: string, party: Party, o?: ReadArgument) =>
      data(request('get', '/v1/evaluations/{evaluationId}/submissions/{party}', {
        path: { evaluationId, party }, ...readOptions(o),
      })),

    /** GET /v1/evaluations/{evaluationId}/submissions/{party}/revisions: oldest first; with `{ asOf }` those up to then. */
    listSubmissionRevisions: (evaluationId: string, party: Party, o?: ReadArgument) =>
      data(request('get', '/v1/evaluations/{evaluationId}/submissions/{party}/revisions', {
        path: { evaluationId, party }, ...readOptions(o),
      })),

    /** GET /v1/audit-events (auditors; a bureau: its district): a page of the audit trail. */
    listAuditEvents: (query?: QueryParams<Operation<'/v1/audit-events', 'get'>>, signal?: AbortSignal) =>
      data(request('get', '/v1/audit-events', { query, ...(signal ? { signal } : {}) })),

    /** POST /v1/audit-events/verification (auditors): re-computes the hash chains (or one) and names the first broken link. */
    verifyAuditTrail: (chainKey?: string, signal?: AbortSignal) =>
      data(request('post', '/v1/audit-events/verification', {
        query: chainKey === undefined ? undefined : { chainKey }, ...(signal ? { signal } : {}),
      })),

    /** GET /v1/events: the change feed after a cursor; pass `nextCursor` back as `after` (it is always there). */
    listChangeEvents: (query?: QueryParams<Operation<'/v1/events', 'get'>>, signal?: AbortSignal) =>
      data(request('get', '/v1/events', { query, ...(signal ? { signal } : {}) })),

    /**
     * GET /v1/events/stream: follows the change feed as Server-Sent Events, for ever (until
     * `signal` aborts), reconnecting with `Last-Event-ID` whenever the server ends the stream.
     * Uses fetch rather than `EventSource`, which cannot send the bearer token.
     *
     *   for await (const change of api.followChangeEvents({ after: saved })) { save(change.cursor); … }
     */
    followChangeEvents: (from?: { after?: string; signal?: AbortSignal; reconnectDelayMs?: number }) =>
      followChangeEvents(baseUrl, doFetch, options.token, from ?? {}),
  };
}

/** Parses SSE frames from a byte stream: `change` events as {@link ChangeEvent}s (comments are heartbeats). */
async function* followChangeEvents(
  baseUrl: string,
  doFetch: typeof globalThis.fetch,
  token: () => string | Promise<string>,
  from: { after?: string; signal?: AbortSignal; reconnectDelayMs?: number },
): AsyncGenerator<ChangeEvent> {
  let last = from.after;
  while (!from.signal?.aborted) {
    const headers = new Headers({ Accept: 'text/event-stream', Authorization: `Bearer ${await token()}` });
    if (last) headers.set('Last-Event-ID', last);
    const res = await doFetch(`${baseUrl}/v1/events/stream`, { headers, ...(from.signal ? { signal: from.signal } : {}) });
    if (!res.ok || !res.body) {
      const text = await res.text();
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
      throw new ProblemError(isProblem(parsed) ? parsed : { type: 'about:blank', title: res.statusText || `HTTP ${res.status}`, status: res.status });
    }
    const decoder = new TextDecoder();
    let buffer = '';
    const reader = res.body.getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let id: string | undefined;
        let event: string | undefined;
        const data: string[] = [];
        for (const line of frame.split('\n')) {
          if (line.startsWith('id:')) id = line.slice(3).trim();
          else if (line.startsWith('event:')) event = line.slice(6).trim();
          else if (line.startsWith('data:')) data.push(line.slice(5).trim());
        }
        if (event === 'change' && data.length > 0) {
          const change = JSON.parse(data.join('\n')) as ChangeEvent;
          last = id ?? change.cursor;
          yield change;
        }
      }
    }
    await new Promise((resolve) => setTimeout(resolve, from.reconnectDelayMs ?? 1000));
  }
}

export type JixiaoClient = ReturnType<typeof createClient>;
