// @ts-check
/**
 * What Node's HTTP parser refuses before the portal sees a request (a control character in the
 * request line or a header, headers over 16 KiB, a client too slow to send them): the same JSON
 * refusal with a stable code and both languages as every other, instead of Node's bare status line.
 * @module
 */
import { STATUS_CODES } from 'node:http';
import { errorBody, PortalError } from './errors.mjs';

/** @param {Error & { code?: string }} err */
const codeFor = (err) =>
  err.code === 'HPE_HEADER_OVERFLOW'
    ? 'ERR_HEADERS_TOO_LARGE'
    : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? 'ERR_REQUEST_TIMEOUT'
      : 'ERR_REQUEST_MALFORMED';

/**
 * The server's `clientError` listener.
 * @param {Error & { code?: string }} err
 * @param {import('node:stream').Duplex & { _httpMessage?: { headersSent?: boolean } }} socket
 */
export function answerClientError(err, socket) {
  // A reset connection, or an answer already under way: nothing sensible to write.
  if (err.code === 'ECONNRESET' || !socket.writable || socket._httpMessage?.headersSent) {
    socket.destroy();
    return;
  }
  const e = new PortalError(codeFor(err));
  const body = JSON.stringify(errorBody(e));
  socket.end(
    `HTTP/1.1 ${e.status} ${STATUS_CODES[e.status]}\r\n` +
      'content-type: application/json; charset=UTF-8\r\n' +
      `content-length: ${Buffer.byteLength(body)}\r\n` +
      'cache-control: no-store\r\nx-content-type-options: nosniff\r\nconnection: close\r\n\r\n' +
      body,
  );
}
