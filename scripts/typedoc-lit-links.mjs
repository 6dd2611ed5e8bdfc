// TypeDoc plugin: links that Lit's own doc comments make, which our element's overrides inherit
// (for example `static styles` says {@link css}), go to lit.dev. Only the names in this table: any
// other link TypeDoc cannot resolve still fails the build.
const LIT_API = {
  css: 'https://lit.dev/docs/api/styles/#css',
};

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.addUnknownSymbolResolver((ref) => {
    if (ref.moduleSource !== undefined && !/^(lit|@lit\/)/.test(ref.moduleSource)) return undefined;
    const path = ref.symbolReference?.path;
    if (path?.length !== 1) return undefined;
    return LIT_API[path[0].path];
  });
}
