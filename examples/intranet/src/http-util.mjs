// Small HTTP helpers: bounded body reading, JSON answers with stable error codes, security headers.

export class HttpError extends Error {
  constructor(status, code, messages) {
    super(messages.en);
    this.status = status;
    this.code = code;
    this.messages = messages;
  }
}

/** Headers on every response: a strict CSP (no inline script, no eval), no framing, no sniffing. */
export const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

export async function readBody(req, limit) {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit)
    throw new HttpError(413, 'ERR_BODY_TOO_LARGE', {
      en: `Body larger than ${limit} bytes.`,
      id: `Isi permintaan lebih dari ${limit} byte.`,
    });
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > limit)
      throw new HttpError(413, 'ERR_BODY_TOO_LARGE', {
        en: `Body larger than ${limit} bytes.`,
        id: `Isi permintaan lebih dari ${limit} byte.`,
      });
    chunks.push(chunk);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new HttpError(400, 'ERR_BODY_NOT_UTF8', { en: 'Body is not UTF-8.', id: 'Isi permintaan bukan UTF-8.' });
  }
}

export function sendJson(res, status, body, headers = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}

export function sendError(res, err) {
  if (err instanceof HttpError) {
    sendJson(res, err.status, { error: { code: err.code, message: err.messages.en, messages: err.messages } });
  } else {
    console.error(err);
    sendJson(res, 500, {
      error: {
        code: 'ERR_INTERNAL',
        message: 'Internal error.',
        messages: { en: 'Internal error.', id: 'Kesalahan internal.' },
      },
    });
  }
}

export function parseCookies(header = '') {
  const out = {};
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim());
  }
  return out;
}
