import { describe, expect, it } from 'vitest';
import { IkrarError, type IkrarErrorOptions, isIkrarError, KeyInvalidError } from '../src/errors.js';
import { multibaseToPublicKey } from '../src/keys.js';

// A package built on core declares its own codes on the same base, as the verifier and widget do.
class ForeignError extends IkrarError<'ERR_FOREIGN'> {
  constructor(options?: IkrarErrorOptions) {
    super('ERR_FOREIGN', { id: 'Asing.', en: 'Foreign.' }, options);
  }
}

describe('IkrarError, the one base class', () => {
  it('carries code, both languages, the class name and the cause', () => {
    const cause = new Error('low level');
    const err = new ForeignError({ cause });
    expect(err).toBeInstanceOf(IkrarError);
    expect(err).toBeInstanceOf(Error);
    expect([err.name, err.code, err.message, err.messages.id]).toEqual([
      'ForeignError',
      'ERR_FOREIGN',
      'Foreign.',
      'Asing.',
    ]);
    expect(err.cause).toBe(cause);
    expect('cause' in new ForeignError()).toBe(false);
  });

  it('isIkrarError answers for core codes only', () => {
    expect(isIkrarError(new ForeignError())).toBe(false);
    expect(isIkrarError(new Error('x'))).toBe(false);
    let caught: unknown;
    try {
      multibaseToPublicKey('not base58!');
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(KeyInvalidError);
    expect(isIkrarError(caught)).toBe(true);
    const err = caught as KeyInvalidError;
    expect(err.code).toBe('ERR_KEY_INVALID');
    expect(err.message).toBe('Public key is not multibase base58btc.');
    expect(err.messages.id).toBe('Kunci publik bukan multibase base58btc.');
    expect(err.cause).toBeInstanceOf(Error);
  });
});
