/**
 * The message catalog of core's errors, keyed by code and then by the error's `reason`, in Bahasa
 * Indonesia first and English; `{name}` placeholders are filled by the error classes in
 * `../errors.ts`, so no throw site writes a message. The catalogs of errors thrown only by code
 * that loads later (keys: `key-messages.ts`; PDF: `pdf-messages.ts`; the collective pakta
 * integritas: `collective-messages.ts`) sit beside that code, so a page that never imports a key,
 * reads or renders a PDF or builds a collective record does not carry their messages.
 *
 * @module
 * @internal
 */
import { type Entry, fill } from '../errors/base.js';
import type {
  CanonicalizationReason,
  CollectiveRecordInvalidReason,
  IdentifierInvalidReason,
  IdentifierScheme,
  JsonInvalidReason,
  LocalizedText,
  PdfRecordInvalidReason,
  RecordInvalidReason,
  SignatureInvalidReason,
  TemplateInvalidReason,
} from '../types.js';

export type { CollectiveRecordInvalidReason, PdfRecordInvalidReason } from '../types.js';

/** `ERR_RECORD_INVALID` reasons whose messages are in this catalog. */
export type SharedRecordInvalidReason = Exclude<
  RecordInvalidReason,
  CollectiveRecordInvalidReason | PdfRecordInvalidReason
>;

/** `ERR_SIGNATURE_INVALID` reasons only the collective code raises (messages in `collective-messages.ts`). */
export type CollectiveSignatureInvalidReason =
  'representative-not-did-key' | 'representative-key-used' | 'representative-proof';

/** `ERR_SIGNATURE_INVALID` reasons whose messages are in this catalog. */
export type SharedSignatureInvalidReason = Exclude<SignatureInvalidReason, CollectiveSignatureInvalidReason>;

/** `ERR_JSON_INVALID`, by reason, at character position `{p}`. */
export const JSON_INVALID: Readonly<Record<JsonInvalidReason, Entry>> = {
  syntax: ['JSON tidak sah di posisi {p}.', 'Invalid JSON at position {p}.'],
  'duplicate-key': ['Kunci ganda dalam objek JSON di posisi {p}.', 'Duplicate key in JSON object at position {p}.'],
  'lone-surrogate': [
    'String JSON berisi surrogate UTF-16 tunggal di posisi {p}.',
    'JSON string contains a lone UTF-16 surrogate at position {p}.',
  ],
  'proto-key': [
    'Kunci "__proto__" tidak diizinkan (posisi {p}).',
    'The key "__proto__" is not allowed (position {p}).',
  ],
  'too-deep': ['JSON bersarang terlalu dalam di posisi {p}.', 'JSON nested too deeply at position {p}.'],
  'too-large': ['JSON terlalu besar ({p} karakter).', 'JSON too large ({p} characters).'],
  'non-finite-number': ['Angka di luar jangkauan di posisi {p}.', 'Number out of range at position {p}.'],
};

/** `ERR_CANONICALIZATION_FAILED`, by reason, at JSON path `{p}` (`no-json-type` names the `{type}`). */
export const CANONICALIZATION_FAILED: Readonly<Record<CanonicalizationReason | 'no-json-type', Entry>> = {
  'too-deep': ['Nilai bersarang terlalu dalam ({p})', 'Value nested too deeply ({p})'],
  'lone-surrogate': ['String berisi surrogate tunggal ({p})', 'String has a lone surrogate ({p})'],
  'non-finite-number': ['Angka tidak terhingga ({p})', 'Number is not finite ({p})'],
  'not-plain-object': [
    'Hanya objek biasa yang dapat dikanonikalisasi ({p})',
    'Only plain objects can be canonicalized ({p})',
  ],
  'proto-key': ['Kunci "__proto__" tidak diizinkan ({p})', 'Key "__proto__" is not allowed ({p})'],
  'key-lone-surrogate': ['Kunci berisi surrogate tunggal ({p})', 'Key has a lone surrogate ({p})'],
  'no-json-form': ['Nilai tidak punya bentuk JSON ({p})', 'Value has no JSON form ({p})'],
  'no-json-type': ['Tipe {type} tidak punya bentuk JSON ({p})', 'Type {type} has no JSON form ({p})'],
};

/** `ERR_RECORD_INVALID`, by rule, at JSON path `{p}`; `{max}` and `{value}` as the rule names them. */
export const RECORD_INVALID: Readonly<Record<SharedRecordInvalidReason, Entry>> = {
  'text-required': ['Teks wajib tidak ada ({p})', 'Required text is missing ({p})'],
  'text-too-long': ['Teks lebih dari {max} karakter ({p})', 'Text is longer than {max} characters ({p})'],
  'text-control-characters': ['Teks berisi karakter kontrol ({p})', 'Text contains control characters ({p})'],
  'time-zone': ['Harus WIB, WITA, atau WIT ({p})', 'Expected WIB, WITA or WIT ({p})'],
  'template-language': ['Templat tidak punya teks "{value}" ({p})', 'Template has no "{value}" text ({p})'],
  'issuer-not-did': ['Id penerbit harus DID ({p})', 'Issuer id must be a DID ({p})'],
  'event-date': ['Harus YYYY-MM-DD ({p})', 'Expected YYYY-MM-DD ({p})'],
  'employee-type': ['Harus PNS, PPPK, atau PPNPN ({p})', 'Expected PNS, PPPK or PPNPN ({p})'],
  'template-not-for-type': ['Templat tidak untuk {value} ({p})', 'Template is not for {value} ({p})'],
  'signer-not-did': ['Id penanda tangan harus DID ({p})', 'Signer id must be a DID ({p})'],
  'consent-method': ['Harus drawn, typed, atau click ({p})', 'Expected drawn, typed or click ({p})'],
  'drawn-digest-missing': ['Tanda tangan gambar memerlukan digest ({p})', 'A drawn signature needs its digest ({p})'],
  'record-id': ['Harus urn:uuid:… ({p})', 'Expected urn:uuid:… ({p})'],
  context: [
    '@context harus daftar URL string yang diawali https://www.w3.org/ns/credentials/v2.',
    '@context must be a list of URL strings starting with https://www.w3.org/ns/credentials/v2.',
  ],
  'chain-without-id': [
    'Tidak dapat merangkai ke bukti tanpa id; gunakan mode "set".',
    'Cannot chain to a proof that has no id; sign with mode "set" instead.',
  ],
  'drawing-malformed': ['Gambar tanda tangan tidak sah di {p}.', 'Signature drawing is malformed at {p}.'],
};

/** `ERR_CONSENT_INCOMPLETE`, with the `{missing}` points. */
export const CONSENT_INCOMPLETE: Entry = [
  'Setiap butir harus disetujui; belum: {missing}.',
  'Every point must be acknowledged; missing: {missing}.',
];

/** `ERR_CONSENT_INCOMPLETE` when point numbers that do not exist were given. */
export const CONSENT_UNKNOWN_POINTS: Entry = [
  'Setiap butir harus disetujui; belum: ada nomor yang tidak dikenal.',
  'Every point must be acknowledged; missing: unknown numbers given.',
];

/** `ERR_SIGNATURE_INVALID`, by reason: the same meaning as the verification code of that name. */
export const SIGNATURE_INVALID: Readonly<Record<SharedSignatureInvalidReason, Entry>> = {
  'signer-output': [
    'Penanda tangan mengembalikan sesuatu selain tanda tangan Ed25519 64 byte.',
    'The signer returned something other than a 64-byte Ed25519 signature.',
  ],
  'self-check': [
    'Tanda tangan dari penanda tangan tidak terverifikasi dengan kuncinya sendiri.',
    'The signer produced a signature that does not verify under its own key.',
  ],
};

/**
 * `ERR_CREATED_INVALID`: a proof's `created` that is not an RFC 3339 date-time with an offset;
 * `{got}` describes what was given.
 */
export const CREATED_INVALID: Entry = [
  'created harus tanggal-waktu RFC 3339 dengan offset (mis. 2024-10-07T08:16:00+08:00), bukan {got}.',
  'created must be an RFC 3339 date-time with an offset (e.g. 2024-10-07T08:16:00+08:00), got {got}.',
];

/** `ERR_PROOF_CHAIN_BROKEN`: the same meaning as the verification code of that name. */
export const PROOF_CHAIN_BROKEN: Entry = [
  'previousProof merujuk bukti yang tidak ada dalam dokumen.',
  'previousProof names a proof the document does not have.',
];

/** `ERR_TEMPLATE_INVALID`, by reason; `{lang}` and `{name}` as the reason names them. */
export const TEMPLATE_INVALID: Readonly<Record<TemplateInvalidReason, Entry>> = {
  'not-object': ['Templat harus berupa objek.', 'A template must be an object.'],
  id: [
    'Id templat harus 2 sampai 64 huruf kecil, angka, atau tanda hubung.',
    'Template id must be 2 to 64 lower-case letters, digits or hyphens.',
  ],
  version: ['Versi templat harus semantik (mis. 1.0.0).', 'Template version must be semantic (e.g. 1.0.0).'],
  kind: [
    'Jenis templat harus "ikrar" atau "pakta-integritas".',
    'Template kind must be "ikrar" or "pakta-integritas".',
  ],
  'applies-to': ['appliesTo harus berisi PNS, PPPK, dan/atau PPNPN.', 'appliesTo must list PNS, PPPK and/or PPNPN.'],
  texts: ['Templat memerlukan teks.', 'Template needs texts.'],
  language: [
    'Bahasa "{lang}" tidak didukung: gunakan "id" atau "en".',
    'Unsupported language "{lang}": use "id" or "en".',
  ],
  'text-missing': ['Teks templat "{lang}" tidak ada.', 'Template text "{lang}" is missing.'],
  'text-field': [
    'Teks templat "{lang}" memerlukan "{name}" berupa string.',
    'Template text "{lang}" needs a string "{name}".',
  ],
  points: ['Teks templat "{lang}" memerlukan 1 sampai 20 butir.', 'Template text "{lang}" needs 1 to 20 points.'],
  'legal-basis': [
    'Teks templat "{lang}" memerlukan "legalBasis" berupa daftar string.',
    'Template text "{lang}" needs "legalBasis" as a list of strings.',
  ],
  'point-text': [
    'Setiap butir "{lang}" harus teks tidak kosong, paling panjang 4000 karakter.',
    'Every point of "{lang}" must be non-empty text of at most 4000 characters.',
  ],
  'point-count': [
    'Setiap bahasa harus memiliki jumlah butir yang sama.',
    'Every language must have the same number of points.',
  ],
  notes: [
    'Catatan templat memerlukan teks "id" (dan opsional "en").',
    'Template notes need an "id" text (and optionally "en").',
  ],
  placeholder: [
    'Placeholder {{name}} tidak dikenal: hanya {agency} dan {event}.',
    'Unknown placeholder {{name}}: only {agency} and {event} exist.',
  ],
};

/** `ERR_TEMPLATE_UNKNOWN`: no template `{id}` (`{v}` is the version with a leading space, or empty). */
export const TEMPLATE_UNKNOWN: Entry = [
  'Templat ikrar "{id}"{v} tidak dikenal.',
  'No pledge template "{id}"{v} is known.',
];

/** `ERR_UNSUPPORTED_VERSION`, naming the version or suite `{what}`. */
export const UNSUPPORTED_VERSION: Entry = [
  '{what} tidak didukung oleh rilis ini.',
  '{what} is not supported by this release.',
];

/** `ERR_IDENTIFIER_INVALID`, by reason, naming the scheme (`{name}`, `{nameEn}`) and its `{length}`. */
export const IDENTIFIER_INVALID: Readonly<Record<IdentifierInvalidReason | 'not-characters', Entry>> = {
  empty: ['{name} wajib diisi.', '{nameEn} is required.'],
  'not-digits': ['{name} hanya boleh berisi angka.', '{nameEn} must contain digits only.'],
  'not-characters': [
    '{name} hanya boleh berisi huruf, angka, titik, garis miring atau tanda hubung.',
    '{nameEn} may contain only letters, digits, dots, slashes or hyphens.',
  ],
  length: ['{name} harus {length} digit.', '{nameEn} must be {length} digits long.'],
  'birth-date': [
    'Tanggal lahir dalam {name} tidak ada di kalender.',
    'The birth date in the {nameEn} is not a real date.',
  ],
  'appointment-date': [
    'Bulan pengangkatan dalam {name} tidak sah.',
    'The appointment month in the {nameEn} is not valid.',
  ],
  'appointment-before-adulthood': [
    'Pengangkatan dalam {name} terjadi sebelum usia 18 tahun.',
    'The appointment in the {nameEn} is before the age of 18.',
  ],
  gender: [
    'Digit jenis kelamin dalam {name} harus 1 (laki-laki) atau 2 (perempuan).',
    'The gender digit in the {nameEn} must be 1 (male) or 2 (female).',
  ],
  serial: ['Nomor urut dalam {name} tidak boleh nol.', 'The serial number in the {nameEn} cannot be zero.'],
  region: [
    'Kode provinsi atau wilayah dalam {name} tidak dikenal.',
    'The province or region code in the {nameEn} is unknown.',
  ],
  'future-date': ['Tanggal dalam {name} ada di masa depan.', 'A date in the {nameEn} is in the future.'],
};

/** Digits each numeric scheme has. */
const LENGTH: Readonly<Record<IdentifierScheme, number>> = { NIP: 18, 'NI-PPPK': 18, NIK: 16, OTHER: 0 };

/**
 * `ERR_IDENTIFIER_INVALID` for a scheme and reason.
 * @param scheme - the scheme checked
 * @param reason - what is wrong
 * @returns the message in both languages
 */
export function identifierInvalid(scheme: IdentifierScheme, reason: IdentifierInvalidReason): LocalizedText {
  const other = scheme === 'OTHER';
  const label = scheme === 'NI-PPPK' ? 'NI PPPK' : scheme;
  return fill(IDENTIFIER_INVALID[other && reason === 'not-digits' ? 'not-characters' : reason], {
    name: other ? 'Nomor pegawai' : label,
    nameEn: other ? 'Employee number' : label,
    length: LENGTH[scheme],
  });
}
