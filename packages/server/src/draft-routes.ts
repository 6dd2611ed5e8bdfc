/**
 * `POST /sign/draft` (beside the widget's `endpoint`, `POST /sign`): the signed-in employee asks
 * what the agency reserves for the credential they are about to sign with their own key: the
 * record `id`, its `credentialStatus` entry, and the agency's `evidence` (presence at the apel,
 * from the host's `evidence` hook). `201` for a new draft, `200` for the same one again.
 *
 * @module
 * @example
 * ```sh
 * curl -X POST -H 'content-type: application/json' --data '{}' http://127.0.0.1:8080/sign/draft
 * # {"id":"urn:uuid:…","credentialStatus":{…},"evidence":[…],"expires":"2024-10-07T10:10:00+08:00"}
 * ```
 */
import type { ApelPresenceEvidence } from '@ikrar/core';
import type { Context, Hono } from 'hono';
import type { Employee, IkrarEvent } from './check-credential.js';
import type { DraftStore } from './draft-store.js';
import { ServerError } from './errors.js';
import type { RecordStore } from './record-store.js';
import type { CountersignContext } from './service.js';

interface DraftRouteDeps {
  drafts: DraftStore;
  store: RecordStore;
  clock: () => Date;
  employeeOf: (c: Context) => Promise<Employee>;
  event: (employee: Employee, c: Context) => Promise<IkrarEvent | null> | IkrarEvent | null;
  evidence?: (
    ctx: CountersignContext,
    c: Context,
  ) => Promise<ApelPresenceEvidence[] | undefined> | ApelPresenceEvidence[] | undefined;
}

/**
 * Adds `POST /sign/draft` to `app`.
 * @throws {ServerError} `ERR_NOT_LOGGED_IN`, `ERR_NOT_IN_ROSTER`, `ERR_NO_OPEN_EVENT`,
 *   `ERR_ALREADY_SIGNED`, `ERR_EVENT_CLOSED` (answered)
 */
export function registerDraftRoute(app: Hono, deps: DraftRouteDeps): void {
  app.post('/sign/draft', async (c) => {
    const employee = await deps.employeeOf(c);
    const event = await deps.event(employee, c);
    if (!event) throw new ServerError('ERR_NO_OPEN_EVENT');
    if (await deps.store.find(event.id, employee.identifier)) throw new ServerError('ERR_ALREADY_SIGNED');
    const now = deps.clock();
    if (event.deadline !== undefined && now.getTime() > new Date(event.deadline).getTime()) {
      throw new ServerError('ERR_EVENT_CLOSED', { event: event.name, deadline: String(event.deadline) });
    }
    const { evidence } = deps;
    const { draft, created } = await deps.drafts.reserve(
      { eventId: event.id, identifier: employee.identifier, now, timeZone: event.timeZone },
      evidence && (() => evidence({ employee, event, now }, c)),
    );
    c.header('cache-control', 'no-store');
    return c.json(draft, created ? 201 : 200);
  });
}
