// Plain-page example: no build step. Logs the element's events and follows ?lang=.
const lang = new URLSearchParams(location.search).get('lang');
if (lang === 'en' || lang === 'id') document.documentElement.lang = lang;

const log = document.getElementById('log');
const el = document.querySelector('ikrar-netralitas');

function add(text) {
  const li = document.createElement('li');
  li.textContent = text;
  log.append(li);
}

el.addEventListener('ikrar-ready', (e) => add(`ikrar-ready ${e.detail.template.id} ${e.detail.signingMode}`));
el.addEventListener('ikrar-change', (e) => {
  if (e.detail.field === 'step') add(`ikrar-change step=${e.detail.step}`);
});
el.addEventListener('ikrar-error', (e) => add(`ikrar-error ${e.detail.code}`));
el.addEventListener('ikrar-signed', (e) => {
  const { record, verification } = e.detail;
  add(`ikrar-signed ${record.id} verified=${verification.verified}`);
  // The form now carries the record: new FormData(form).get('ikrar') is its JSON.
  const form = document.getElementById('pledge-form');
  if (form) add(`form valid=${form.checkValidity()} value=${String(new FormData(form).get('ikrar')).length} bytes`);
});
