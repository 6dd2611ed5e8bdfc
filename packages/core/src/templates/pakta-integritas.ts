/**
 * The built-in *pakta integritas*: the integrity pact that named representatives sign for all the
 * staff after the ikrar is read at the apel (Kabupaten Klaten, `shared/seeds/001_…`: "dilanjutkan
 * dengan penandatanganan pakta integritas oleh tiga perwakilan ASN"). Signed as one collective
 * record (`createCollectivePledge`): each representative adds a proof, then the agency countersigns.
 *
 * @module
 */
import { KASN_NOTE, KASN_NOTE_EN, SKB_2022, SKB_2022_EN } from './builtin.js';
import { defineTemplate, type PledgeTemplate, type TemplateDefinition } from './define-template.js';

/** Pakta integritas netralitas ASN for elections from 2024 on (SKB 2022 wording, KASN shown as dissolved). */
export const PAKTA_INTEGRITAS_2024_TEMPLATE: TemplateDefinition = {
  id: 'pakta-integritas-skb-2022',
  version: '1.0.0',
  kind: 'pakta-integritas',
  appliesTo: ['PNS', 'PPPK'],
  texts: {
    id: {
      title: 'Pakta Integritas Netralitas Pegawai Aparatur Sipil Negara',
      preamble:
        'Kami yang bertanda tangan di bawah ini, mewakili seluruh Pegawai Aparatur Sipil Negara di lingkungan {agency}, dalam penyelenggaraan {event}, dengan ini menyatakan:',
      points: [
        'Menjaga dan menegakkan prinsip netralitas Pegawai ASN dalam melaksanakan fungsi pelayanan publik, baik sebelum, selama, maupun sesudah penyelenggaraan {event}.',
        'Menghindari konflik kepentingan, tidak melakukan praktik-praktik intimidasi dan ancaman kepada Pegawai ASN dan seluruh elemen masyarakat, serta tidak memihak kepada peserta pemilihan umum atau pasangan calon tertentu.',
        'Menggunakan media sosial secara bijak, tidak menggunakannya untuk kepentingan peserta pemilihan umum atau pasangan calon tertentu, serta tidak menyebarkan ujaran kebencian dan berita bohong.',
        'Menolak politik uang dan segala jenis pemberian dalam bentuk apa pun.',
        'Bersedia menerima sanksi sesuai dengan ketentuan peraturan perundang-undangan apabila melanggar pernyataan ini.',
      ],
      closing:
        'Demikian pakta integritas ini kami buat dengan sebenar-benarnya, dengan penuh kesadaran dan tanggung jawab, tanpa paksaan dari pihak mana pun.',
      legalBasis: [SKB_2022, KASN_NOTE],
    },
    en: {
      title: 'Integrity Pact on the Neutrality of Civil Servants',
      preamble:
        'We, the undersigned, on behalf of all civil servants of {agency}, for {event}, hereby declare that we will:',
      points: [
        'Uphold and enforce the principle of civil-servant neutrality in carrying out public-service functions, before, during and after {event}.',
        'Avoid conflicts of interest, refrain from intimidating or threatening civil servants and all members of the public, and not side with any election contestant or candidate pair.',
        'Use social media wisely, not for the benefit of any election contestant or candidate pair, and not spread hate speech or false news.',
        'Refuse money politics and gifts of any kind in any form.',
        'Accept sanctions under the laws and regulations if we breach this declaration.',
      ],
      closing:
        'We make this integrity pact truthfully, in full awareness and responsibility, and under no pressure from anyone.',
      legalBasis: [SKB_2022_EN, KASN_NOTE_EN],
    },
  },
  notes: {
    id: 'Ditulis dari pakta integritas netralitas ASN dalam SKB 22 September 2022 (MenPANRB 2/2022, Mendagri 800-5474/2022, BKN 246/2022, KASN 30/2022, Bawaslu 1447.1/PM.01/K.1/09/2022) sebagaimana dibacakan dan dilaporkan di daerah (Klaten, Pemilu dan Pemilihan 2024). Butir 1 sampai 4 mengikuti rumusan empat butir SKB (butir 1 dengan "baik sebelum, selama, maupun sesudah"); pembuka "Kami yang bertanda tangan di bawah ini, mewakili seluruh Pegawai ASN", butir 5 (kesediaan menerima sanksi) dan penutup adalah parafrase bentuk pakta integritas yang lazim, bukan kutipan kata demi kata dari lampiran SKB: bandingkan dengan salinan resmi sebelum dipakai. KASN dibubarkan oleh UU 20/2023; dasar hukum menyebutkannya.',
    en: 'Written from the civil-servant neutrality integrity pact of the SKB of 22 September 2022 (MenPANRB 2/2022, Mendagri 800-5474/2022, BKN 246/2022, KASN 30/2022, Bawaslu 1447.1/PM.01/K.1/09/2022) as read and reported by regions (Klaten, Pemilu dan Pemilihan 2024). Points 1 to 4 follow the SKB four-point wording (point 1 with "before, during and after"); the opening "We, the undersigned, on behalf of all civil servants", point 5 (accepting sanctions) and the closing paraphrase the usual integrity-pact form and are not a word-for-word copy of the SKB annex: compare with the official copy before use. KASN was dissolved by UU 20/2023; the legal basis says so.',
  },
};

/**
 * The built-in templates of collective records (`createCollectivePledge`): the pakta integritas.
 * Not in `BUILTIN_TEMPLATES`, the default list of `getTemplate`/`findTemplate`, so that a page
 * signing one employee's pledge does not load them; `createCollectivePledge` and `checkPledgeText`
 * search them too.
 */
export const COLLECTIVE_TEMPLATES: readonly PledgeTemplate[] = Object.freeze([
  defineTemplate(PAKTA_INTEGRITAS_2024_TEMPLATE),
]);
