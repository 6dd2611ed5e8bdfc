/**
 * A React 19 page with `<ikrar-netralitas>`: typed attributes, and typed `ikrar-signed` /
 * `ikrar-error` handlers. The key is made in the browser (`signing-mode="browser-key"`), so the
 * page needs no server. When the element fires `ikrar-signed`, the page shows the record.
 */
import { useState } from 'react';
import '@ikrar/widget';
import type { IkrarErrorEvent, IkrarSignedEvent } from '@ikrar/widget';
import type { SignedPledge } from '@ikrar/core';

export function App() {
  const [record, setRecord] = useState<SignedPledge | null>(null);
  const [error, setError] = useState<string | null>(null);

  function handleSigned(event: IkrarSignedEvent) {
    setRecord(event.detail.record);
    setError(null);
  }

  function handleError(event: IkrarErrorEvent) {
    setError(`${event.detail.code}: ${event.detail.message}`);
  }

  return (
    <main>
      <h1>Intranet Pemerintah Kabupaten Klaten (React 19)</h1>
      <ikrar-netralitas
        template="skb-2022-asn"
        agency="Pemerintah Kabupaten Klaten"
        event-name="Pemilu dan Pemilihan 2024"
        event-place="Pendopo Pemkab Klaten"
        event-date="2024-01-08"
        time-zone="WIB"
        signing-mode="browser-key"
        signature-types="typed drawn"
        onikrar-signed={handleSigned}
        onikrar-error={handleError}
      />
      {error && (
        <p role="alert" data-testid="error">
          {error}
        </p>
      )}
      {record && (
        <section aria-labelledby="record-title">
          <h2 id="record-title">Rekaman / Record</h2>
          <p data-testid="record-id">{record.id}</p>
          <pre data-testid="record">{JSON.stringify(record, null, 2)}</pre>
        </section>
      )}
    </main>
  );
}
