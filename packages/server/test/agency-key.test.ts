// The agency key file and rotation, checked the way an auditor would: ikrar-verify with the
// published trust.json accepts records signed before and after a rotation.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { canonicalize, createSigner, generateKeyPair } from '@ikrar/core';
import { afterAll, describe, expect, it } from 'vitest';
import { loadOrCreateAgencyKey, nodeSigner, rotateAgencyKey, ServerError } from '../src/index.js';
import { threadSigner } from '../src/internal/sign-thread.js';
import { IKRAR_VERIFY } from './fixture.js';
import { credentialFor, freshDatabase, makeService, makeRoster, postSign, removeTempDirs, tempDir } from './helpers.js';

afterAll(removeTempDirs);

describe('loadOrCreateAgencyKey', () => {
  it('creates the key with mode 0600 on first run and loads the same key later', () => {
    const file = path.join(tempDir(), 'agency-key.json');
    const a = loadOrCreateAgencyKey(file);
    expect(a.created).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(a.controller).toMatch(/^did:key:z6Mk/);
    const b = loadOrCreateAgencyKey(file);
    expect(b.created).toBe(false);
    expect(b.controller).toBe(a.controller);
    expect(b.keys).toEqual(a.keys);
  });

  it('refuses a key file others can read: ERR_KEY_FILE_PERMISSIONS, without reading it', () => {
    const file = path.join(tempDir(), 'agency-key.json');
    loadOrCreateAgencyKey(file);
    chmodSync(file, 0o644);
    let err!: ServerError;
    try {
      loadOrCreateAgencyKey(file);
    } catch (e) {
      err = e as ServerError;
    }
    expect(err).toBeInstanceOf(ServerError);
    expect(err.code).toBe('ERR_KEY_FILE_PERMISSIONS');
    expect(err.message).toContain('chmod 600');
    expect(err.messages.id).toContain('dapat dibaca pihak lain');
  });

  it('refuses a damaged key file with ERR_KEY_FILE_INVALID and never quotes its content or overwrites it', () => {
    const file = path.join(tempDir(), 'agency-key.json');
    const secretish = '{"secretKeyMultibase":"z3u2SECRETSECRET"}';
    writeFileSync(file, secretish, { mode: 0o600 });
    let err: ServerError | undefined;
    try {
      loadOrCreateAgencyKey(file);
    } catch (e) {
      err = e as ServerError;
    }
    expect(err?.code).toBe('ERR_KEY_FILE_INVALID');
    expect(err?.message).not.toContain('SECRET');
    expect(JSON.stringify(err?.messages)).not.toContain('SECRET');
    expect(err?.cause).toBeUndefined();
    expect(readFileSync(file, 'utf8')).toBe(secretish);
  });

  it('never writes the secret into the signer or its JSON', () => {
    const keyFile = path.join(tempDir(), 'agency-key.json');
    const key = loadOrCreateAgencyKey(keyFile);
    const file = JSON.parse(readFileSync(keyFile, 'utf8'));
    expect(JSON.stringify(key)).not.toContain(file.secretKeyMultibase);
    expect(Object.keys(key.signer).sort()).toEqual(['controller', 'id', 'sign']);
  });
});

describe('nodeSigner', () => {
  it('signs on its worker thread what noble signs (Ed25519 is deterministic), for several keys at once', async () => {
    const pairs = [generateKeyPair(), generateKeyPair(), generateKeyPair()];
    const data = Array.from({ length: 12 }, (_, i) => new Uint8Array(64).fill(i * 7));
    const signers = pairs.map((kp) => nodeSigner(kp));
    const got = await Promise.all(data.map((d, i) => signers[i % 3]!.sign(d)));
    got.forEach((sig, i) => {
      expect(sig).toBeInstanceOf(Uint8Array);
      expect([...sig]).toEqual([...(createSigner(pairs[i % 3]!).sign(data[i]!) as Uint8Array)]);
    });
  });

  it('gives no signature when the key does not verify under the public key it was given', async () => {
    const secret = generateKeyPairSync('ed25519').privateKey;
    const otherPublic = createPublicKey(
      createPrivateKey(generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' })),
    );
    let here = 0;
    const sign = threadSigner(secret, otherPublic, () => {
      here++;
      return null;
    });
    expect(await sign(new Uint8Array(64))).toBeNull();
    expect(here).toBe(0); // the thread answered, not the fallback
  });
});

describe('rotateAgencyKey', () => {
  it('closes the old key in trust.json; ikrar-verify accepts records signed before and after', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'agency-key.json');
    const t0 = new Date('2024-01-01T00:00:00Z');
    const first = loadOrCreateAgencyKey(file, { now: t0 });
    const people = makeRoster(2);
    const db = await freshDatabase('sqlite');
    const before = await makeService(db, people, { key: first });
    expect((await postSign(before, credentialFor(before, people[0]!), people[0]!.identifier)).status).toBe(201);

    const rotatedAt = new Date('2024-10-07T02:30:00Z');
    const second = rotateAgencyKey(file, { now: rotatedAt });
    expect(second.controller).not.toBe(first.controller);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const retired = readdirSync(dir).filter((f) => f.startsWith('agency-key.json.retired-'));
    expect(retired).toHaveLength(1);
    expect(statSync(path.join(dir, retired[0]!)).mode & 0o777).toBe(0o600);
    expect(second.keys).toEqual([
      {
        id: first.controller,
        validFrom: '2024-01-01T07:00:00+07:00',
        validUntil: '2024-10-07T09:30:00+07:00',
        revokedAt: null,
      },
      { id: second.controller, validFrom: '2024-10-07T09:30:00+07:00', validUntil: null, revokedAt: null },
    ]);
    expect(loadOrCreateAgencyKey(file).keys).toEqual(second.keys);

    const after = await makeService(db, people, { key: second });
    after.clock.now = new Date('2024-10-07T03:00:00Z');
    const c = credentialFor(after, people[1]!, { now: after.clock.now });
    expect((await postSign(after, c, people[1]!.identifier)).status).toBe(201);

    const trust = await (await after.app.request('/trust.json')).text();
    expect(JSON.parse(trust).issuers.map((i: { id: string }) => i.id)).toEqual([first.controller, second.controller]);
    const lines: string[] = [];
    for await (const l of after.store.lines('pilkada-2024')) lines.push(l);
    expect(lines).toHaveLength(2);
    const out = tempDir();
    writeFileSync(path.join(out, 'records.jsonl'), lines.join('\n') + '\n');
    writeFileSync(path.join(out, 'trust.json'), trust);
    const run = (trustFile: string) =>
      spawnSync(process.execPath, [IKRAR_VERIFY, path.join(out, 'records.jsonl'), '--trust', trustFile, '--json'], {
        encoding: 'utf8',
      });
    const ok = run(path.join(out, 'trust.json'));
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout).summary).toMatchObject({ total: 2, valid: 2 });

    // Without the closed key, the record signed before the rotation is not trusted: the check has teeth.
    const onlyNew = JSON.parse(trust);
    onlyNew.issuers = onlyNew.issuers.slice(1);
    writeFileSync(path.join(out, 'trust-new-only.json'), canonicalize(onlyNew));
    const partial = run(path.join(out, 'trust-new-only.json'));
    expect(partial.status).toBe(1);
    expect(JSON.parse(partial.stdout).summary).toMatchObject({ total: 2, valid: 1 });
    await db.close();
  });

  it('refuses to rotate a key file others can read', () => {
    const file = path.join(tempDir(), 'agency-key.json');
    loadOrCreateAgencyKey(file);
    chmodSync(file, 0o640);
    expect(() => rotateAgencyKey(file)).toThrow(expect.objectContaining({ code: 'ERR_KEY_FILE_PERMISSIONS' }));
    expect(existsSync(file)).toBe(true);
  });
});
