// Who has signed and who has not, per work unit, from /api/status (identifiers masked).
const $ = (id) => document.getElementById(id);
const status = await (await fetch('/api/status')).json();
$('event-name').textContent = ` · ${status.event.name}`;
$('summary').textContent =
  `${status.signed} dari ${status.total} pegawai sudah menandatangani (${Math.round((status.signed / Math.max(status.total, 1)) * 100)}%).`;
const row = (cells) => {
  const tr = document.createElement('tr');
  for (const c of cells) {
    const td = document.createElement('td');
    if (c instanceof Node) td.append(c);
    else td.textContent = String(c);
    tr.append(td);
  }
  return tr;
};
for (const u of status.units) {
  $('units').tBodies[0].append(row([u.workUnit, u.signed, u.total, `${Math.round((u.signed / u.total) * 100)}%`]));
}
for (const p of status.people) {
  if (p.signedAt) {
    const a = document.createElement('a');
    a.href = `/api/records/${p.recordId}/certificate.pdf`;
    a.textContent = 'PDF';
    $('signed').tBodies[0].append(row([p.name, p.workUnit, p.signedAt, a]));
  } else {
    $('missing').tBodies[0].append(row([p.name, p.employeeType, p.identifier, p.workUnit]));
  }
}
