/**
 * The built-in pledge texts. Wording follows the sources in `shared/seeds/`: the standard four
 * points of the 2022 SKB as read in Kabupaten Klaten (Pemilu dan Pemilihan 2024), and the
 * Kabupaten Jembrana wording for Pilkada 2024 (ASN and non-ASN, before and after the election).
 * Obvious typos in the news report are corrected ("pangan calon" → "pasangan calon",
 * "pemberitaan" → "pemberian", as the SKB wording has it). `{agency}` and `{event}` are filled in
 * by `createPledge`; the record carries the resulting text exactly.
 */
import type { TemplateDefinition } from './define-template.js';

/** The SKB of 22 September 2022, as cited in legal bases. */
export const SKB_2022 =
  'Keputusan Bersama Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi, Menteri Dalam Negeri, Kepala Badan Kepegawaian Negara, Ketua Komisi Aparatur Sipil Negara, dan Ketua Badan Pengawas Pemilihan Umum Nomor 2 Tahun 2022, Nomor 800-5474 Tahun 2022, Nomor 246 Tahun 2022, Nomor 30 Tahun 2022, Nomor 1447.1/PM.01/K.1/09/2022 tanggal 22 September 2022 tentang Pedoman Pembinaan dan Pengawasan Netralitas Pegawai Aparatur Sipil Negara dalam Penyelenggaraan Pemilihan Umum dan Pemilihan';
/** {@link SKB_2022} in English. */
export const SKB_2022_EN =
  'Joint Decree of the Minister of Administrative and Bureaucratic Reform, the Minister of Home Affairs, the Head of the National Civil Service Agency, the Chair of the Civil Service Commission and the Chair of the Election Supervisory Body, No. 2/2022, 800-5474/2022, 246/2022, 30/2022 and 1447.1/PM.01/K.1/09/2022 of 22 September 2022, on Guidelines for Fostering and Supervising the Neutrality of Civil Servants in General Elections and Regional Elections';
/** KASN's dissolution by UU 20/2023, cited beside the SKB in texts for 2024 on. */
export const KASN_NOTE =
  'Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara: Komisi Aparatur Sipil Negara (KASN) dibubarkan dan fungsi pengawasan netralitas dialihkan kepada Kementerian PANRB dan BKN';
/** {@link KASN_NOTE} in English. */
export const KASN_NOTE_EN =
  'Law No. 20/2023 on the Civil Service: the Civil Service Commission (KASN) was dissolved and its neutrality-supervision functions moved to the Ministry of Administrative and Bureaucratic Reform and the National Civil Service Agency (BKN)';

/** Standard SKB 2022 wording, four points, as read in Klaten for Pemilu dan Pemilihan 2024. */
export const SKB_2022_TEMPLATE: TemplateDefinition = {
  id: 'skb-2022-asn',
  version: '1.0.0',
  kind: 'ikrar',
  appliesTo: ['PNS', 'PPPK'],
  texts: {
    id: {
      title: 'Ikrar Netralitas Aparatur Sipil Negara',
      preamble: 'Kami, Aparatur Sipil Negara di lingkungan {agency}, dalam penyelenggaraan {event}, berikrar:',
      points: [
        'Menjaga dan menegakkan prinsip netralitas pegawai ASN dalam melaksanakan fungsi pelayanan publik.',
        'Menghindari konflik kepentingan, tidak melakukan praktik-praktik intimidasi dan ancaman kepada pegawai ASN dan seluruh elemen masyarakat, serta tidak memihak kepada pasangan calon tertentu.',
        'Menggunakan media sosial secara bijak dan tidak menyebarkan ujaran kebencian serta berita bohong.',
        'Menolak politik uang dan segala jenis pemberian dalam bentuk apa pun.',
      ],
      closing: 'Demikian ikrar ini kami ucapkan dengan penuh kesadaran, integritas, dan rasa tanggung jawab.',
      legalBasis: [SKB_2022, KASN_NOTE],
    },
    en: {
      title: 'Civil Servant Neutrality Pledge',
      preamble: 'We, the civil servants of {agency}, for {event}, pledge:',
      points: [
        'To uphold and enforce the principle of civil-servant neutrality in carrying out public-service functions.',
        'To avoid conflicts of interest, to refrain from intimidating or threatening civil servants and all members of the public, and not to side with any particular candidate pair.',
        'To use social media wisely and not to spread hate speech or false news.',
        'To refuse money politics and gifts of any kind in any form.',
      ],
      closing: 'We make this pledge in full awareness, with integrity and a sense of responsibility.',
      legalBasis: [SKB_2022_EN, KASN_NOTE_EN],
    },
  },
};

/** Kabupaten Jembrana wording for Pilkada 2024: ASN and non-ASN, before and after the election. */
export const JEMBRANA_2024_TEMPLATE: TemplateDefinition = {
  id: 'jembrana-2024',
  version: '1.0.0',
  kind: 'ikrar',
  appliesTo: ['PNS', 'PPPK', 'PPNPN'],
  texts: {
    id: {
      title: 'Ikrar Netralitas ASN dan Non ASN',
      preamble:
        'Kami, Aparatur Sipil Negara (ASN) dan Pegawai Pemerintah Non Pegawai Negeri (PPNPN) di lingkungan {agency}, dalam rangka pelaksanaan {event}, berikrar:',
      points: [
        'Menjaga serta menegakkan prinsip netralitas ASN dan Non ASN di lingkungan {agency} dalam melaksanakan fungsi pelayanan publik sebelum dan sesudah pelaksanaan {event}.',
        'Menghindari konflik kepentingan, tidak melakukan praktik-praktik intimidasi dan ancaman kepada pasangan calon tertentu.',
        'Menggunakan media sosial secara bijak, tidak dipergunakan untuk kepentingan pasangan calon tertentu, tidak menyebarkan ujaran kebencian serta berita hoaks.',
        'Menolak politik uang dan segala jenis pemberian dalam bentuk apa pun.',
      ],
      closing: 'Demikian ikrar ini kami ucapkan dengan sungguh-sungguh dan penuh tanggung jawab.',
      legalBasis: [SKB_2022, KASN_NOTE],
    },
    en: {
      title: 'Neutrality Pledge of Civil Servants and Non-Civil-Servant Staff',
      preamble:
        'We, the civil servants (ASN) and non-civil-servant government employees (PPNPN) of {agency}, for {event}, pledge:',
      points: [
        'To uphold and enforce the principle of neutrality of civil servants and non-civil-servant staff of {agency} in carrying out public-service functions before and after {event}.',
        'To avoid conflicts of interest, and not to intimidate or threaten on behalf of any particular candidate pair.',
        'To use social media wisely, not for the benefit of any particular candidate pair, and not to spread hate speech or hoaxes.',
        'To refuse money politics and gifts of any kind in any form.',
      ],
      closing: 'We make this pledge earnestly and with full responsibility.',
      legalBasis: [SKB_2022_EN, KASN_NOTE_EN],
    },
  },
};
