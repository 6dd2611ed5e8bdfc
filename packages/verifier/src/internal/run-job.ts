/**
 * The loop of a job's runner (`jobs.ts`): each record of a job, in order, verified into a sink.
 * The library's runner collects outcome objects; `ikrar-verify`'s workers pack them as they come
 * (`pack-outcomes.ts`), so a worker builds no outcome object for the usual record.
 *
 * @module
 * @internal
 */
import type { Job } from '../jobs.js';
import { BAD_UTF8_MESSAGE, type RecordVerifier } from '../verify-record.js';
import { createFields, type JobSink, malformedFields, sinkingOf, sourceOf } from './outcome.js';

/**
 * @param verifier - the thread's record verifier
 * @returns a function running a job into a sink
 */
export function createJobLoop(verifier: RecordVerifier): (job: Job, sink: JobSink) => Promise<void> {
  const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  // createRecordVerifier's own verifier concludes into the sink; any other gives objects.
  const into = sinkingOf(verifier);
  const fields = createFields();
  return async (job, sink) => {
    const file = job.file;
    if (job.kind === 'texts') {
      for (let i = 0; i < job.texts.length; i++) {
        const index = job.indices[i] ?? undefined;
        const text = job.texts[i] as string;
        sink.at(undefined, index);
        if (into) await into.verifyText(text, sink);
        else sink.push(await verifier.verifyText(text, sourceOf(file, undefined, index)));
      }
      return;
    }
    // Each line is validated and decoded on its own: a read of mostly Latin-1 text with one
    // Indonesian name in it would otherwise become one two-byte string of the whole read.
    const data = job.data;
    let line = job.firstLine;
    for (let start = 0; start <= data.length;) {
      let end = data.indexOf(10, start);
      if (end < 0) end = data.length;
      const n = line++;
      const bytes = data.subarray(start, end);
      start = end + 1;
      // A record line as written (`{…}`: no BOM, no CR, not blank): the verifier decodes it, and
      // reads a canonical one from its bytes.
      if (bytes[0] === 0x7b && bytes[bytes.length - 1] === 0x7d) {
        sink.at(n, undefined);
        if (into) {
          const p = into.verifyLine(bytes, sink);
          if (p) await p;
        } else sink.push(await verifier.verifyLine(bytes, sourceOf(file, n)));
        continue;
      }
      let s: string;
      try {
        s = strict.decode(bytes);
      } catch {
        sink.at(n, undefined);
        sink.conclude(malformedFields(fields, { code: 'ERR_UTF8_INVALID' }, BAD_UTF8_MESSAGE));
        continue;
      }
      if (n === 1 && s.charCodeAt(0) === 0xfeff) s = s.slice(1); // a UTF-8 BOM some editors write
      if (s.endsWith('\r')) s = s.slice(0, -1);
      if (s.trim() === '') continue; // blank lines are not records
      sink.at(n, undefined);
      if (into) await into.verifyText(s, sink);
      else sink.push(await verifier.verifyText(s, sourceOf(file, n)));
    }
  };
}
