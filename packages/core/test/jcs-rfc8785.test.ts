import { describe, expect, it } from 'vitest';
import { canonicalizeToBytes, parseJson } from '../src/index.js';
import { bytesToHex } from '../src/crypto.js';
import { vectorBytes } from './vectors.js';

const NAMES = ['arrays', 'french', 'structures', 'unicode', 'values', 'weird'];

describe('RFC 8785 (cyberphone json-canonicalization test data)', () => {
  for (const name of NAMES) {
    it(`${name}: strict parse then canonicalize equals the expected bytes`, () => {
      const input = new TextDecoder().decode(vectorBytes(`jcs/${name}.input.json`));
      const expected = vectorBytes(`jcs/${name}.output.json`);
      const out = canonicalizeToBytes(parseJson(input));
      expect(bytesToHex(out)).toBe(bytesToHex(expected));
    });
  }
});
