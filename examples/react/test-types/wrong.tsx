// Compiled by `pnpm typecheck`, never run: the declaration in src/ikrar-netralitas.d.ts makes these
// type errors (a wrong signing mode, a zone that is not WIB/WITA/WIT, a handler for another event).
import '../src/ikrar-netralitas.js';

// @ts-expect-error: not a signing mode
export const badMode = <ikrar-netralitas signing-mode="fax" />;
// @ts-expect-error: not an Indonesian time zone
export const badZone = <ikrar-netralitas time-zone="UTC" />;
// @ts-expect-error: ikrar-signed carries a CustomEvent, not a number
export const badHandler = <ikrar-netralitas onikrar-signed={(e: number) => e} />;
