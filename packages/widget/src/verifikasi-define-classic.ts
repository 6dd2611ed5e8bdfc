// The page side of the classic bundle (verifikasi-classic.ts).
export { IkrarVerifikasi } from './components/ikrar-verifikasi/ikrar-verifikasi.component.js';
import './components/ikrar-verifikasi/ikrar-verifikasi.js';
