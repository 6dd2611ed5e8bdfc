import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    errors: 'src/errors.ts',
    form: 'src/form.ts',
    crypto: 'src/crypto.ts',
    webcrypto: 'src/webcrypto.ts',
    status: 'src/status.ts',
    'pdf/index': 'src/pdf/index.ts',
  },
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  splitting: true,
});
