// Calls the portal's JSON API from the pages: same-origin, the CSRF token (the ikrar_csrf cookie)
// echoed on every state-changing request, errors thrown with their code and Indonesian message.
export const csrfToken = () => /(?:^|;\s*)ikrar_csrf=([^;]+)/.exec(document.cookie)?.[1] ?? '';

export class ApiError extends Error {
  constructor(status, error) {
    super(error?.messages?.id ?? `HTTP ${status}`);
    this.status = status;
    this.code = error?.code ?? 'ERR_HTTP';
    this.detail = error?.detail;
  }
}

export async function api(url, { method = 'GET', json, text, type } = {}) {
  const headers = { accept: 'application/json' };
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken();
  let body;
  if (json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(json);
  } else if (text !== undefined) {
    headers['content-type'] = type;
    body = text;
  }
  const res = await fetch(url, { method, headers, body, credentials: 'same-origin' });
  if (res.status === 204) return null;
  const data = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, data?.error);
  return data;
}

export const $ = (id) => document.getElementById(id);

/** An element with text and attributes (no innerHTML anywhere: names come from the roster). */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k in e && typeof v !== 'string') e[k] = v;
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  e.append(...children.filter((c) => c !== null && c !== undefined).map((c) => (c instanceof Node ? c : String(c))));
  return e;
}
