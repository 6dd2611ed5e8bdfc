// Flat config: typescript-eslint for all TypeScript, eslint-plugin-lit and eslint-plugin-wc for the
// widget (as lit and shoelace do).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'test-results/**',
      '**/coverage/**',
      'examples/**/out/**',
      '**/custom-elements.json',
      'docs/api/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.mocha } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      'no-control-regex': 'off',
    },
  },
  {
    // Libraries use Web APIs only; the ikrar-verify command (src/cli) runs in Node.
    files: ['packages/core/src/**/*.ts', 'packages/verifier/src/**/*.ts'],
    ignores: ['packages/verifier/src/cli/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*'], message: 'Library code uses Web APIs only.' }] },
      ],
    },
  },
  {
    files: ['packages/widget/src/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['packages/widget/src/**/*.ts'],
    ...wc.configs['flat/recommended'],
  },
);
