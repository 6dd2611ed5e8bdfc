// Type-level tests: the README's React 19 declaration gives <ikrar-netralitas> checked attributes
// in TSX, and the element's events are typed. Compiled by `pnpm typecheck`, never run.
import type { IkrarNetralitasAttributes } from '../src/index.js';

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'ikrar-netralitas': IkrarNetralitasAttributes;
    }
  }
}

export function Page(): React.JSX.Element {
  return (
    <ikrar-netralitas
      template="jembrana-2024"
      agency="Pemerintah Kabupaten Jembrana"
      event-name="Pilkada Serentak 2024"
      time-zone="WITA"
      signing-mode="endpoint"
      endpoint="/api/sign"
      endpoint-timeout={15000}
      certificate-url="/api/records/{id}/certificate.pdf"
      required
    />
  );
}

// @ts-expect-error: not a signing mode
export const badMode = <ikrar-netralitas signing-mode="fax" />;
// @ts-expect-error: not an Indonesian time zone
export const badZone = <ikrar-netralitas time-zone="UTC" />;

const el = document.createElement('ikrar-netralitas');
el.addEventListener('ikrar-signed', (e) => {
  const id: string = e.detail.record.id;
  const drawn: number | undefined = e.detail.signature?.strokes.length;
  void id;
  void drawn;
});
el.addEventListener('ikrar-error', (e) => {
  const code: string = e.detail.code;
  void code;
});
// @ts-expect-error: the record is not a number
el.addEventListener('ikrar-signed', (e) => e.detail.record satisfies number);
