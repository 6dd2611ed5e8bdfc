// The world the service tests sign in: two named employees for the attack tests, the agency, the
// open event and the test clock's "now".
import type { Employee, IkrarEvent } from '../src/index.js';

/** Named people for the attack tests. */
export const YUSUF: Employee = {
  identifier: '200009162021062001',
  name: "Yusuf Ma'ruf",
  employeeType: 'PNS',
  position: 'Pengelola Keuangan',
  workUnit: 'Dinas Pendidikan, Kepemudaan dan Olahraga',
};
export const SRI: Employee = {
  identifier: '5101036401970027',
  name: 'Sri Lestari',
  employeeType: 'PPNPN',
  position: 'Pengemudi',
  workUnit: 'Kecamatan Negara',
};

export const AGENCY_NAME = 'Pemerintah Kabupaten Jembrana';
export const NOW = new Date('2024-10-07T02:00:00Z');

export const EVENT: IkrarEvent = {
  id: 'pilkada-2024',
  name: 'Pilkada Serentak 2024',
  place: 'Halaman Kantor Bupati Jembrana',
  date: '2024-10-07',
  deadline: '2024-10-31T23:59:59+08:00',
  timeZone: 'WITA',
  templates: {
    PNS: ['jembrana-2024', 'skb-2022-asn'],
    PPPK: ['jembrana-2024', 'skb-2022-asn'],
    PPNPN: ['jembrana-2024'],
  },
};
