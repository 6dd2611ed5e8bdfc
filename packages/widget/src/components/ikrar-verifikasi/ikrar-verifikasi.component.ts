/**
 * The `<ikrar-verifikasi>` element class, without registering the tag (import
 * `@ikrar/widget/verifikasi` for that).
 *
 * @module
 * @example
 * ```ts
 * import { IkrarVerifikasi } from '@ikrar/widget/verifikasi';
 * ```
 */
// Only types from the verifier here: the library, its reader and the worker pool load on the
// first verification (internal/verify/run.ts).
import type { RecordResult, VerificationReport } from '@ikrar/verifier';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { IkrarVerifiedDetail } from '../../events/ikrar-verified.js';
import { LocalizeController } from '../../internal/controllers/localize-controller.js';
import { downloadFile } from '../../internal/download.js';
import { VERSION } from '../../internal/version.js';
import { TERMS, type VerifikasiTerms } from './ikrar-verifikasi.translations.js';
import styles from './ikrar-verifikasi.styles.js';

type RunModule = typeof import('../../internal/verify/run.js');
let runModule: Promise<RunModule> | null = null;
function loadRun(): Promise<RunModule> {
  runModule ??= import('../../internal/verify/run.js').catch((e: unknown) => {
    runModule = null;
    throw e;
  });
  return runModule;
}

/** Failures listed on the page; all are in the saved results. */
const SHOWN_FAILURES = 200;

/**
 * Verifies Ikrar Netralitas records in the browser with the rules and verdicts of `ikrar-verify`:
 * `.jsonl`, `.json` and `.pdf` files chosen or dropped, a trust store (a file, or `trust-url`),
 * an optional roster CSV and status list credentials. Files are streamed to Web Workers; nothing
 * leaves the browser, and the only request is the `trust-url` the page set.
 *
 * @summary Verify signed pledge records in the browser, like ikrar-verify.
 *
 * @event ikrar-verified - A run finished. `detail`: `{ summary, failuresOmitted, coverage?, workers }` (`summary` as `ikrar-verify --json`'s).
 * @event ikrar-error - A run could not start or failed. `detail`: `{ code, message, messages }`.
 *
 * @csspart base - The outer frame.
 * @csspart drop - The area files are dropped on.
 * @csspart button - Every button.
 * @csspart summary - The table of counts per verdict.
 * @csspart failures - The table of records that are not valid.
 */
export class IkrarVerifikasi extends LitElement {
  static override styles = styles;
  /** The package version (for defensive registration). */
  static readonly version: string = VERSION;
  /**
   * Starts one verification Web Worker; set by the entry that registers the element (a module
   * worker beside it, or the classic bundle's own script). `null`: verify in the page's thread.
   */
  static workerFactory: (() => Worker) | null = null;

  /** URL of the agency's `trust.json`, fetched when a run starts and no trust store file was chosen. */
  @property({ attribute: 'trust-url' }) trustUrl = '';
  /** `id` or `en`; empty follows the nearest `lang` attribute. */
  @property() language = '';
  /** Web Workers to use; default `navigator.hardwareConcurrency`. 0: the page's own thread. */
  @property({ type: Number }) workers = -1;

  @state() private records: File[] = [];
  @state() private trustFile: File | undefined;
  @state() private rosterFile: File | undefined;
  @state() private statusFiles: File[] = [];
  @state() private running = false;
  @state() private seen = 0;
  @state() private error = '';
  @state() private over = false;
  @state() private result: { report: VerificationReport; results: readonly RecordResult[]; ms: number } | undefined;
  #run: RunModule | undefined;
  #last: Parameters<RunModule['resultsJson']>[0] | undefined;
  readonly #localize = new LocalizeController(this, () => this.language);

  private get t(): VerifikasiTerms {
    return TERMS[this.#localize.lang];
  }

  /**
   * Adds files as if chosen or dropped: sorted into records, trust store, roster, status lists.
   * @param files - the files
   */
  async addFiles(files: Iterable<File>): Promise<void> {
    const list = [...files];
    const run = await loadRun();
    const sorted = await run.sortFiles(list);
    this.records = [...this.records, ...sorted.records];
    if (sorted.trust) this.trustFile = sorted.trust;
    if (sorted.roster) this.rosterFile = sorted.roster;
    this.statusFiles = [...this.statusFiles, ...sorted.status];
    this.result = undefined;
    this.error = '';
  }

  /** Forgets every chosen file and the last result. */
  clear(): void {
    this.records = [];
    this.trustFile = undefined;
    this.rosterFile = undefined;
    this.statusFiles = [];
    this.result = undefined;
    this.error = '';
  }

  /**
   * Verifies the chosen records; fires `ikrar-verified` (or `ikrar-error`).
   * @returns the event's detail, or `undefined` when the run could not start or failed
   */
  async verify(): Promise<IkrarVerifiedDetail | undefined> {
    if (this.running) return undefined;
    const t = this.t;
    this.error = '';
    this.result = undefined;
    if (this.records.length === 0)
      return this.#fail('ERR_NO_RECORDS', { id: TERMS.id.needRecords, en: TERMS.en.needRecords });
    this.running = true;
    this.seen = 0;
    const started = performance.now();
    try {
      const run = (this.#run = await loadRun());
      let trustText: string;
      if (this.trustFile) trustText = await this.trustFile.text();
      else if (this.trustUrl) {
        const url = this.trustUrl;
        let res: Response;
        try {
          res = await fetch(url, { credentials: 'omit', cache: 'no-cache' });
        } catch {
          res = new Response(null, { status: 599 });
        }
        if (!res.ok) {
          return this.#fail('ERR_TRUST_FETCH', {
            id: TERMS.id.trustFetchFailed(url),
            en: TERMS.en.trustFetchFailed(url),
          });
        }
        trustText = await res.text();
      } else return this.#fail('ERR_NO_TRUST', { id: TERMS.id.needTrust, en: TERMS.en.needTrust });
      const status = await Promise.all(this.statusFiles.map(async (f) => ({ name: f.name, text: await f.text() })));
      const workers = this.workers >= 0 ? this.workers : Math.max(1, Math.min(16, navigator.hardwareConcurrency || 2));
      const out = await run.runVerification(
        {
          records: this.records,
          trustText,
          ...(this.rosterFile && { rosterText: await this.rosterFile.text() }),
          status,
        },
        {
          workers,
          makeWorker: (this.constructor as typeof IkrarVerifikasi).workerFactory,
          onProgress: (n) => {
            this.seen = n;
          },
        },
      );
      this.#last = out;
      this.result = { report: out.report, results: out.results, ms: performance.now() - started };
      const detail: IkrarVerifiedDetail = {
        summary: out.report.summary,
        failuresOmitted: out.report.failuresOmitted,
        ...(out.report.coverage && { coverage: out.report.coverage }),
        workers: out.workers,
      };
      this.dispatchEvent(new CustomEvent('ikrar-verified', { detail, bubbles: true, composed: true }));
      return detail;
    } catch (err) {
      const e = err as { code?: unknown; messages?: { id: string; en: string } };
      const code = typeof e?.code === 'string' ? e.code : 'ERR_INTERNAL';
      const messages = e?.messages ?? { id: `${t.failed}: ${String(err)}`, en: `${TERMS.en.failed}: ${String(err)}` };
      return this.#fail(code, messages);
    } finally {
      this.running = false;
    }
  }

  /** The last run's results as `ikrar-verify --json` writes them, or `null`. */
  resultsJson(): string | null {
    return this.#run && this.#last ? this.#run.resultsJson(this.#last) : null;
  }

  /** The last run's results as CSV (one row per record), or `null`. */
  resultsCsv(): string | null {
    return this.#run && this.#last ? this.#run.resultsCsv(this.#last) : null;
  }

  #fail(code: string, messages: { id: string; en: string }): undefined {
    this.error = messages[this.#localize.lang];
    this.dispatchEvent(
      new CustomEvent('ikrar-error', {
        detail: { code, message: messages.en, messages, retryable: true },
        bubbles: true,
        composed: true,
      }),
    );
    return undefined;
  }

  #onPick(e: Event): void {
    const input = e.target as HTMLInputElement;
    // Copied now: clearing the input (so the same file can be chosen again) empties its FileList.
    const files = [...(input.files ?? [])];
    input.value = '';
    if (files.length) void this.addFiles(files);
  }

  #onDrop(e: DragEvent): void {
    e.preventDefault();
    this.over = false;
    const files = [...(e.dataTransfer?.files ?? [])];
    if (files.length) void this.addFiles(files);
  }

  #onDragOver(e: DragEvent): void {
    e.preventDefault();
    this.over = true;
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const lang = this.#localize.lang;
    return html`<section part="base" class="base" lang=${lang} aria-labelledby="title">
      <h2 id="title">${t.title}</h2>
      <p class="muted">${t.intro}</p>
      <div
        part="drop"
        class="drop ${this.over ? 'over' : ''}"
        @dragover=${this.#onDragOver}
        @dragleave=${() => (this.over = false)}
        @drop=${this.#onDrop}
      >
        <label
          >${t.records}
          <input id="records" type="file" multiple accept=".jsonl,.ndjson,.json,.pdf" @change=${this.#onPick} />
        </label>
        ${
          this.trustUrl && !this.trustFile
            ? html`<p>${t.trustFromUrl(this.trustUrl)}</p>`
            : html`<label
                >${t.trust}
                <input id="trust" type="file" accept=".json,application/json" @change=${this.#onPick} />
              </label>`
        }
        <label
          >${t.roster}
          <input id="roster" type="file" accept=".csv,text/csv" @change=${this.#onPick} />
        </label>
        <label
          >${t.status}
          <input id="status" type="file" multiple accept=".json,application/json" @change=${this.#onPick} />
        </label>
        <p class="muted">${t.drop}</p>
        <ul aria-label=${t.chosen(this.records.length)}>
          ${this.records.map((f) => html`<li><code>${f.name}</code></li>`)}
          ${this.trustFile ? html`<li><code>${this.trustFile.name}</code> (${t.trust})</li>` : nothing}
          ${this.rosterFile ? html`<li><code>${this.rosterFile.name}</code> (${t.roster})</li>` : nothing}
          ${this.statusFiles.map((f) => html`<li><code>${f.name}</code> (${t.status})</li>`)}
        </ul>
      </div>
      <div class="actions">
        <button part="button" class="primary" id="verify" ?disabled=${this.running} @click=${() => this.verify()}>
          ${t.verify}
        </button>
      </div>
      <div role="status" aria-live="polite">
        ${
          this.running
            ? html`<progress aria-label=${t.verify}></progress>
                <p>${t.verifying(this.seen)}</p>`
            : nothing
        }
        ${this.result ? html`<p>${t.done(this.result.report.summary.total, Math.round(this.result.ms))}</p>` : nothing}
      </div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.result ? this.#renderResult(this.result.report) : nothing}
    </section>`;
  }

  #renderResult(r: VerificationReport): TemplateResult {
    const t = this.t;
    const lang = this.#localize.lang;
    const run = this.#run as RunModule;
    const s = r.summary;
    const bad = s.total - s.valid;
    const failures = r.failures.slice(0, SHOWN_FAILURES);
    const hidden = r.failures.length - failures.length + r.failuresOmitted;
    return html`<p class=${bad === 0 && s.total > 0 ? 'ok' : 'bad'} id="verdict">
        ${s.total === 0 ? t.empty : bad === 0 ? t.allValid(s.total) : t.notAllValid(bad, s.total)}
      </p>
      <h3>${t.summary}</h3>
      <div class="scroll">
        <table part="summary" id="summary">
          <thead>
            <tr>
              <th scope="col">${t.verdict}</th>
              <th scope="col">${t.count}</th>
            </tr>
          </thead>
          <tbody>
            ${run.VERDICTS.filter((v) => v === 'valid' || s[v] > 0).map(
              (v) =>
                html`<tr data-verdict=${v}>
                  <th scope="row"><code>${v}</code> ${run.verdictMessage(v)[lang]}</th>
                  <td class="n">${s[v].toLocaleString(lang === 'en' ? 'en-US' : 'id-ID')}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${
        r.coverage
          ? html`<p id="coverage">
              ${t.coverage(r.coverage.signed, r.coverage.expected)}
              ${r.coverage.notSigned.length ? t.notSigned(r.coverage.notSigned.length) : nothing}
            </p>`
          : nothing
      }
      ${
        failures.length
          ? html`<h3>${t.failures}</h3>
              <div class="scroll">
                <table part="failures" id="failures">
                  <thead>
                    <tr>
                      <th scope="col">${t.where}</th>
                      <th scope="col">${t.verdict}</th>
                      <th scope="col">${t.why}</th>
                      <th scope="col">${t.who}</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${failures.map(
                      (f) =>
                        html`<tr>
                          <td><code>${run.formatSource(f)}</code></td>
                          <td><code>${f.verdict}</code></td>
                          <td>
                            ${f.message[lang]}${f.reason ? html` <code>[${run.formatReason(f.reason)}]</code>` : nothing}
                          </td>
                          <td>${f.signer?.name ?? f.representatives?.map((p) => p.name).join(', ') ?? ''}</td>
                        </tr>`,
                    )}
                  </tbody>
                </table>
              </div>
              ${hidden > 0 ? html`<p class="muted">${t.more(hidden)}</p>` : nothing}`
          : nothing
      }
      <div class="actions">
        <button part="button" id="save-json" @click=${() => this.#save('json')}>${t.saveJson}</button>
        <button part="button" id="save-csv" @click=${() => this.#save('csv')}>${t.saveCsv}</button>
      </div>`;
  }

  #save(kind: 'json' | 'csv'): void {
    const text = kind === 'json' ? this.resultsJson() : this.resultsCsv();
    if (text === null) return;
    downloadFile(`hasil-verifikasi.${kind}`, text, kind === 'json' ? 'application/json' : 'text/csv;charset=utf-8');
  }
}
