/**
 * Saves bytes or text as a file through a `blob:` URL and an `<a download>`: no request leaves the
 * page, and it works under a strict Content-Security-Policy.
 *
 * @module
 * @example
 * ```ts
 * downloadFile('ikrar.json', JSON.stringify(record), 'application/json');
 * ```
 */

/**
 * Starts a download.
 * @param filename - suggested file name
 * @param data - file content
 * @param type - MIME type
 */
export function downloadFile(filename: string, data: string | Uint8Array, type: string): void {
  const blob = new Blob([data as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Chromium reads the blob asynchronously after click(); revoke a little later.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/**
 * A file name for a record: `ikrar-<first 8 of the uuid>.<ext>`.
 * @param recordId - `urn:uuid:…`
 * @param ext - `json` or `pdf`
 * @returns the name
 */
export function recordFileName(recordId: string, ext: string): string {
  const short = recordId.replace(/^urn:uuid:/, '').slice(0, 8) || 'rekaman';
  return `ikrar-${short}.${ext}`;
}
