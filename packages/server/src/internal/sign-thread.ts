/**
 * One worker thread that signs with the agency's node:crypto keys and checks each signature
 * against the public key before it is returned (the service's thread then only hashes and sends
 * 64 bytes each way). The keys reach the thread as `KeyObject`s (Node copies them between
 * threads; they are never serialized to text). If the thread cannot start or stops, signing
 * happens on the calling thread instead, with the same check.
 */
import type { KeyObject } from 'node:crypto';
import { Worker } from 'node:worker_threads';

// CommonJS, evaluated by the worker: no separate file to find in dist/ or in src/ under tests.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { sign, verify } = require('node:crypto');
const keys = new Map();
parentPort.on('message', (m) => {
  if (m.register !== undefined) { keys.set(m.register, { secret: m.secret, pub: m.pub }); return; }
  let signature = null;
  try {
    const k = keys.get(m.key);
    const s = sign(null, m.data, k.secret);
    if (verify(null, m.data, k.pub, s)) signature = s;
  } catch {}
  parentPort.postMessage({ id: m.id, signature });
});
`;

interface Pending {
  resolve: (signature: Uint8Array | null) => void;
  reject: (err: unknown) => void;
  here: () => Uint8Array | null;
}

let worker: Worker | null = null;
let broken = false;
let nextId = 0;
let nextKey = 0;
const pending = new Map<number, Pending>();

function fail(): void {
  broken = true;
  worker = null;
  for (const p of pending.values()) {
    try {
      p.resolve(p.here());
    } catch (err) {
      p.reject(err);
    }
  }
  pending.clear();
}

function thread(): Worker | null {
  if (broken) return null;
  if (worker) return worker;
  try {
    const w = new Worker(WORKER_SOURCE, { eval: true });
    w.unref();
    w.on('message', (m: { id: number; signature: Uint8Array | null }) => {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      if (pending.size === 0) w.unref();
      p.resolve(m.signature === null ? null : new Uint8Array(m.signature));
    });
    w.on('error', fail);
    w.on('exit', fail);
    worker = w;
    return w;
  } catch {
    broken = true;
    return null;
  }
}

/**
 * A signing function for one key pair on the shared thread.
 * @param secret - the private key
 * @param pub - its public key
 * @param here - signs and checks on the calling thread (null when the check fails)
 * @returns signs 64 bytes of hash data; null when the signature does not verify
 */
export function threadSigner(
  secret: KeyObject,
  pub: KeyObject,
  here: (data: Uint8Array) => Uint8Array | null,
): (data: Uint8Array) => Promise<Uint8Array | null> {
  const key = nextKey++;
  let registeredOn: Worker | null = null;
  return (data) => {
    const w = thread();
    if (!w) return Promise.resolve(here(data));
    if (registeredOn !== w) {
      w.postMessage({ register: key, secret, pub });
      registeredOn = w;
    }
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject, here: () => here(data) });
      w.ref();
      w.postMessage({ id, key, data });
    });
  };
}
