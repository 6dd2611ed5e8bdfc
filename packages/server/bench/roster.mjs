// The bench's roster and event: n PNS employees with valid NIPs, one open event.
export const AGENCY_NAME = 'Pemerintah Kabupaten Jembrana';
export const BENCH_EVENT = {
  id: 'bench-2024',
  name: 'Pilkada Serentak 2024',
  place: 'Halaman Kantor Bupati Jembrana',
  date: '2024-11-27',
  timeZone: 'WITA',
  templates: { PNS: ['jembrana-2024'] },
};

export function benchRoster(n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const birth = new Date(Date.UTC(1970, 0, 1) + (i % 5000) * 86_400_000);
    const ymd = birth.toISOString().slice(0, 10).replace(/-/g, '');
    out.push({
      identifier: `${ymd}200503${1 + (i % 2)}${String(1 + Math.floor(i / 5000)).padStart(3, '0')}`,
      name: `Pegawai Nomor ${i + 1}`,
      employeeType: 'PNS',
      position: 'Analis Kebijakan',
      workUnit: 'Kecamatan Negara',
    });
  }
  return out;
}
