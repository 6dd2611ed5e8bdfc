/**
 * The collective *pakta integritas* over HTTP, for a service built by `createIkrarService` with
 * its `collective` option: `GET /collective` answers the open event's document to one of its
 * representatives (the signed-in employee, from the host's `identity`), with their index and who
 * has signed; `POST /collective/sign` takes `{ "proof": … }`, the representative's own proof
 * over that document (201 added, 200 the same proof again), and the agency countersigns once the
 * last one has signed. Anyone else: 403 `ERR_NOT_REPRESENTATIVE`.
 *
 * @module
 * @example
 * ```ts
 * const service = createIkrarService({ ...options, collective: createCollectiveService({ store, signer, agency }) });
 * ```
 */
import type { Context, Hono } from 'hono';
import type { Employee, IkrarEvent } from './check-credential.js';
import type { CollectiveService, CollectiveState } from './collective.js';
import { ServerError } from './errors.js';
import { readJson } from './internal/http.js';

interface CollectiveRouteDeps {
  collective: CollectiveService;
  employeeOf: (c: Context) => Promise<Employee>;
  event: (employee: Employee, c: Context) => Promise<IkrarEvent | null> | IkrarEvent | null;
}

/** Adds `GET /collective` and `POST /collective/sign` to the service. */
export function registerCollectiveRoutes(app: Hono, deps: CollectiveRouteDeps): void {
  const { collective } = deps;
  const representative = async (
    c: Context,
  ): Promise<{ employee: Employee; eventId: string; state: CollectiveState }> => {
    const employee = await deps.employeeOf(c);
    const event = await deps.event(employee, c);
    if (!event) throw new ServerError('ERR_NO_OPEN_EVENT');
    const state = await collective.get(event.id);
    if (!state) throw new ServerError('ERR_COLLECTIVE_NOT_CONFIGURED');
    if (collective.indexOf(state, employee.identifier) === -1) throw new ServerError('ERR_NOT_REPRESENTATIVE');
    return { employee, eventId: event.id, state };
  };
  const view = (state: CollectiveState, identifier: string) => ({
    document: state.document,
    representative: collective.indexOf(state, identifier),
    progress: state.progress,
  });

  app.get('/collective', async (c) => {
    const { employee, state } = await representative(c);
    c.header('cache-control', 'no-store');
    return c.json(view(state, employee.identifier));
  });

  app.post('/collective/sign', async (c) => {
    const body = await readJson(c);
    const { employee, eventId } = await representative(c);
    if (typeof body !== 'object' || body === null || Array.isArray(body) || Object.keys(body).join() !== 'proof') {
      throw new ServerError('ERR_RECORD_INVALID', { path: 'proof' });
    }
    const r = await collective.sign(eventId, employee.identifier, (body as { proof: unknown }).proof);
    c.header('cache-control', 'no-store');
    return c.json(view(r, employee.identifier), r.created ? 201 : 200);
  });
}
