/**
 * `createIkrarService`: the agency's signing service as a Hono app a host mounts under a path
 * (`app.route('/api', service)`, or in Node through `@hono/node-server`, or inside Express or
 * Fastify). The host supplies who is signed in, the roster, the open event and the signer; the
 * service checks, countersigns, stores once and answers.
 *
 * Routes (relative to where it is mounted): `POST /sign` (the widget's `endpoint`), with `drafts`
 * `POST /sign/draft` (what the agency reserves before an employee signs with their own key),
 * `GET /records/:uuid`, `POST /credentials/issue`, `POST /credentials/verify`, `GET /trust.json`,
 * `GET /health`.
 *
 * @module
 * @example
 * ```ts
 * const service = createIkrarService({ store, agency: { name: 'Pemerintah Kabupaten Jembrana' }, signer: key,
 *   identity: async (c) => sessions.get(getCookie(c, 'sid')), roster: (nip) => db.employee(nip),
 *   event: async () => openEvent });
 * app.route('/api', service);
 * ```
 */
import {
  maskIdentifier,
  type ApelPresenceEvidence,
  signPledge,
  type PledgeCredential,
  type PledgeTemplate,
  type SignedPledge,
  type Signer,
} from '@ikrar/core';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { timeout } from 'hono/timeout';
import { trustDocument, type AgencyKey, type TrustDocument } from './agency-key.js';
import { checkCredential, type ClockTolerance, type Employee, type IkrarEvent } from './check-credential.js';
import { registerDraftRoute } from './draft-routes.js';
import type { DraftStore } from './draft-store.js';
import { ServerError } from './errors.js';
import { errorResponse, hasBearer, hostRefusal, readJson, type TokenCheck } from './internal/http.js';
import { nodeSha256 } from './internal/sha256.js';
import { defaultLogger, type Logger } from './logger.js';
import type { RecordStore } from './record-store.js';
import type { StatusListStore } from './status-list-store.js';
import { registerStatusRoutes } from './status-routes.js';
import type { CollectiveService } from './collective.js';
import { registerCollectiveRoutes } from './collective-routes.js';
import { registerVcApi } from './vc-api.js';

/** Who is signed in: the roster entry, or just the identifier when `roster` is given. */
export type SignedIn = Employee | { identifier: string };

/** What `beforeCountersign` is told. */
export interface CountersignContext {
  employee: Employee;
  event: IkrarEvent;
  now: Date;
}

/** Options of {@link createIkrarService}. */
export interface IkrarServiceOptions {
  /** Where records are stored (`createRecordStore`). */
  store: RecordStore;
  /** The agency's name; its DID is the signer's controller. */
  agency: { name: string };
  /** The agency key (`loadOrCreateAgencyKey`) or a host signer (KMS, HSM). */
  signer: AgencyKey | Signer;
  /** The signed-in employee of a request, or null. Never read from the body. */
  identity: (c: Context) => Promise<SignedIn | null> | SignedIn | null;
  /** The roster entry of an identifier, or null. Default: `identity` returns the full entry. */
  roster?: (identifier: string) => Promise<Employee | null> | Employee | null;
  /** The event open for this employee now, or null. */
  event: (employee: Employee, c: Context) => Promise<IkrarEvent | null> | IkrarEvent | null;
  /** The agency's own templates, beside the built-in ones. */
  templates?: readonly PledgeTemplate[];
  /** Bearer token (or check) for `POST /credentials/issue` and reading any record. None: 401. */
  issueToken?: TokenCheck;
  /** `trust.json`. Default: the agency key's history, or the signer alone from `keyValidFrom`. */
  trust?: TrustDocument | (() => TrustDocument | Promise<TrustDocument>);
  /** For a host signer without history: when its key became valid. Default 2024-01-01. */
  keyValidFrom?: string;
  /**
   * Called with the checked credential just before the agency signs it; what it returns is
   * signed. The place for `credentialStatus` (status lists).
   */
  beforeCountersign?: (
    credential: PledgeCredential | SignedPledge,
    ctx: CountersignContext,
  ) => Promise<PledgeCredential | SignedPledge>;
  /**
   * Revocation (`createStatusListStore`): every record the agency countersigns without an
   * employee proof gets a `credentialStatus`; `GET /status/:id` serves the lists and
   * `POST /credentials/status` (the `issueToken`) revokes.
   */
  statusLists?: StatusListStore;
  /**
   * Drafts (`createDraftStore`): `POST /sign/draft` reserves a record id, a status entry and the
   * `evidence` before an employee signs with their own key; `POST /sign` then takes a credential
   * with a draft's id only with exactly what was reserved (see the README, "Drafts").
   */
  drafts?: DraftStore;
  /**
   * The agency's own statements for a signing (VC 2.0 `evidence`, e.g. presence at the apel from
   * a header the host reads): asked when a draft is reserved, and at `POST /sign` for a credential
   * with neither an employee proof nor a draft. May throw a `ServerError`-like refusal.
   */
  evidence?: (
    ctx: CountersignContext,
    c: Context,
  ) => Promise<ApelPresenceEvidence[] | undefined> | ApelPresenceEvidence[] | undefined;
  /** The collective pakta integritas (`createCollectiveService`): `GET /collective`, `POST /collective/sign`. */
  collective?: CollectiveService;
  /** The clock (tests). Default `() => new Date()`. */
  clock?: () => Date;
  /** Default pino on standard output. */
  logger?: Logger;
  /** Largest body accepted, in bytes. Default 256 KiB. */
  bodyLimit?: number;
  /** Per request, in milliseconds. Default 15000. */
  timeoutMs?: number;
  tolerance?: Partial<ClockTolerance>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function isAgencyKey(s: AgencyKey | Signer): s is AgencyKey {
  return 'signer' in s && Array.isArray((s as AgencyKey).keys);
}

/**
 * Builds the service.
 * @param options - store, agency, signer, identity, roster, event, and the rest
 * @returns a Hono app; mount it where the host wants it
 */
export function createIkrarService(options: IkrarServiceOptions): Hono {
  const { store } = options;
  const signer = isAgencyKey(options.signer) ? options.signer.signer : options.signer;
  const agency = { id: signer.controller, name: options.agency.name };
  const clock = options.clock ?? (() => new Date());
  const log = options.logger ?? defaultLogger();
  const limit = options.bodyLimit ?? 256 * 1024;
  const trust = async (): Promise<TrustDocument> => {
    const t = options.trust;
    if (t) return typeof t === 'function' ? t() : t;
    const keys = isAgencyKey(options.signer)
      ? options.signer.keys
      : [
          {
            id: agency.id,
            validFrom: options.keyValidFrom ?? '2024-01-01T00:00:00+07:00',
            validUntil: null,
            revokedAt: null,
          },
        ];
    return trustDocument(agency.name, keys);
  };

  const app = new Hono();
  app.use(secureHeaders());
  app.use(
    timeout(options.timeoutMs ?? 15_000, () => new HTTPException(503, { cause: new ServerError('ERR_TIMEOUT') })),
  );
  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    const code = c.get('errorCode' as never) as string | undefined;
    log.info(
      {
        method: c.req.method,
        route: c.req.routePath,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
        ...(code && { code }),
      },
      'request',
    );
  });
  const streamLimit = bodyLimit({
    maxSize: limit,
    onError: () => {
      throw new ServerError('ERR_BODY_TOO_LARGE', { limit });
    },
  });
  app.use('*', (c, next) => {
    // A body whose Content-Length (without Transfer-Encoding) is within the limit goes on as with
    // Hono's bodyLimit, but without touching `c.req.raw.body`: on @hono/node-server that getter
    // builds a full web-stream Request (about 0.6 ms of CPU per request) where reading the body
    // later takes its direct path. Everything else (chunked, or over the limit: refused) goes
    // through Hono's bodyLimit as before.
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const length = c.req.header('content-length');
    if (length !== undefined && /^\d+$/.test(length) && Number(length) <= limit && !c.req.header('transfer-encoding')) {
      return next();
    }
    return streamLimit(c, next);
  });

  app.onError((err, c) => {
    const known =
      err instanceof ServerError
        ? err
        : err instanceof HTTPException && err.cause instanceof ServerError
          ? err.cause
          : null;
    if (known) {
      c.set('errorCode' as never, known.code as never);
      return errorResponse(c, known);
    }
    const refusal = hostRefusal(err);
    if (refusal) {
      c.set('errorCode' as never, refusal.error.code as never);
      return c.json(refusal, refusal.status as 400);
    }
    // Name and code only: a message could quote input.
    log.error(
      {
        err: { name: (err as Error).name, code: (err as { code?: unknown }).code, at: stackFrames(err) },
        route: c.req.routePath,
      },
      'internal error',
    );
    c.set('errorCode' as never, 'ERR_INTERNAL' as never);
    return errorResponse(c, new ServerError('ERR_INTERNAL'));
  });
  app.notFound((c) => errorResponse(c, new ServerError('ERR_NOT_FOUND')));

  const employeeOf = async (c: Context): Promise<Employee> => {
    const who = await options.identity(c);
    if (!who || typeof who.identifier !== 'string') throw new ServerError('ERR_NOT_LOGGED_IN');
    const employee = options.roster ? await options.roster(who.identifier) : 'name' in who ? who : null;
    if (!employee) throw new ServerError('ERR_NOT_IN_ROSTER');
    return employee;
  };

  // The countersigning endpoint the widget posts to.
  app.post('/sign', async (c) => {
    const body = await readJson(c);
    const employee = await employeeOf(c);
    const event = await options.event(employee, c);
    if (!event) throw new ServerError('ERR_NO_OPEN_EVENT');
    const answer = (record: SignedPledge, created: boolean): Response => {
      const uuid = record.id.slice('urn:uuid:'.length);
      c.header('location', c.req.path.replace(/\/sign$/, `/records/${uuid}`));
      c.header('x-ikrar-replay', created ? '0' : '1');
      c.header('cache-control', 'no-store');
      log.info(
        { recordId: record.id, eventId: event.id, signer: maskIdentifier(employee.identifier), created },
        created ? 'countersigned' : 'replay',
      );
      return c.json(record, created ? 201 : 200);
    };
    const stored = await store.find(event.id, employee.identifier);
    if (stored) return answer(stored, false);
    const now = clock();
    if (event.deadline !== undefined && now.getTime() > new Date(event.deadline).getTime()) {
      throw new ServerError('ERR_EVENT_CLOSED', { event: event.name, deadline: String(event.deadline) });
    }
    const owner = { eventId: event.id, identifier: employee.identifier, now };
    const reserved = options.drafts ? await options.drafts.match(body, owner) : undefined;
    let { credential } = await checkCredential(body, {
      agency,
      employee,
      event,
      now,
      ...(options.templates && { templates: options.templates }),
      ...(options.tolerance && { tolerance: options.tolerance }),
      ...(reserved && { reserved }),
    });
    // A taken id is refused by the store's insert (ERR_ID_TAKEN, nothing written); it is looked up
    // first only when something keyed by the id happens before that (a status entry, the host's
    // hook, a draft: one whose record is stored, revoked since, is not used twice).
    if ((options.statusLists || options.beforeCountersign || reserved) && (await store.get(credential.id))) {
      throw new ServerError(reserved ? 'ERR_DRAFT_USED' : 'ERR_ID_TAKEN');
    }
    if (reserved) await options.drafts?.claim(credential.id, now);
    else if (!('proof' in credential)) {
      // The entry and the evidence must be in the credential before its first signature; an
      // employee's own proof covers the credential without them unless a draft reserved them.
      const evidence = await options.evidence?.({ employee, event, now }, c);
      if (evidence) credential = { ...credential, evidence };
      if (options.statusLists) {
        credential = { ...credential, credentialStatus: await options.statusLists.allocate(credential.id) };
      }
    }
    if (options.beforeCountersign) credential = await options.beforeCountersign(credential, { employee, event, now });
    const signed = await signPledge(credential, signer, {
      created: now,
      timeZone: event.timeZone,
      hash: nodeSha256,
    });
    const { record, created } = await store.put({ eventId: event.id, identifier: employee.identifier, record: signed });
    return answer(record, created);
  });

  // A record: to its signer, or to the agency's systems with the bearer token.
  app.get('/records/:uuid', async (c) => {
    const uuid = c.req.param('uuid');
    if (!UUID.test(uuid)) throw new ServerError('ERR_NOT_FOUND');
    const record = await store.get(`urn:uuid:${uuid}`);
    if (!record) throw new ServerError('ERR_NOT_FOUND');
    if (!(await hasBearer(c, options.issueToken))) {
      const who = await options.identity(c);
      // Someone else's record is "not found", not "forbidden": its existence is not disclosed.
      if (!who || who.identifier !== record.credentialSubject.signer.identifier) throw new ServerError('ERR_NOT_FOUND');
    }
    c.header('cache-control', 'no-store');
    return c.json(record);
  });

  if (options.drafts) {
    registerDraftRoute(app, {
      drafts: options.drafts,
      store,
      clock,
      employeeOf,
      event: options.event,
      ...(options.evidence && { evidence: options.evidence }),
    });
  }

  registerVcApi(app, { signer, agency, clock, issueToken: options.issueToken, trust });
  if (options.collective)
    registerCollectiveRoutes(app, { collective: options.collective, employeeOf, event: options.event });
  if (options.statusLists) {
    registerStatusRoutes(app, { lists: options.statusLists, store, token: options.issueToken, log });
  }

  app.get('/trust.json', async (c) => {
    c.header('cache-control', 'public, max-age=300');
    return c.json(await trust());
  });

  app.get('/health', async (c) => {
    try {
      await store.db.query('SELECT 1 AS ok');
      return c.json({ status: 'ok' });
    } catch {
      return c.json({ status: 'unavailable' }, 503);
    }
  });

  return app;
}

/** Where an error was thrown: its stack frames without the message line (which could quote input). */
function stackFrames(err: unknown): string[] {
  const stack = (err as Error)?.stack;
  if (typeof stack !== 'string') return [];
  return stack
    .split('\n')
    .filter((l) => /^\s+at /.test(l))
    .slice(0, 8)
    .map((l) => l.trim());
}
