// TypeDoc: one API reference for the published packages, built by `pnpm docs:api` into docs/api
// (CI builds it on every pull request; the release workflow deploys it to GitHub Pages).
// Any warning fails the build: a broken {@link}, an unknown tag, or a public type that points at one
// the package does not export.
import { OptionDefaults } from 'typedoc';

// The widget's class comment is its custom-elements manifest (STYLE.md): these tags are read by the
// CEM analyzer, and TypeDoc shows them as sections instead of warning about them.
const elementTags = ['@slot', '@event', '@csspart', '@cssproperty', '@cssstate', '@tag', '@tagname', '@attr'];

/** @type {Partial<import('typedoc').TypeDocOptions>} */
export default {
  name: 'ikrar-netralitas API',
  entryPointStrategy: 'packages',
  entryPoints: ['packages/core', 'packages/widget', 'packages/verifier', 'packages/server'],
  packageOptions: {
    includeVersion: true,
    excludePrivate: true,
    excludeInternal: true,
    blockTags: [...OptionDefaults.blockTags, ...elementTags],
  },
  plugin: ['./scripts/typedoc-lit-links.mjs'],
  out: 'docs/api',
  readme: 'docs/api-readme.md',
  treatWarningsAsErrors: true,
  validation: { notExported: true, invalidLink: true, rewrittenLink: true, notDocumented: false },
  githubPages: true,
  hideGenerator: true,
};
