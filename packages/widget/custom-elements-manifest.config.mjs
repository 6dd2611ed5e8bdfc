// Custom elements manifest from the class JSDoc (@summary, @event, @csspart, @cssproperty).
// The tag is registered through defineElement() (defensive registration), which the analyzer does
// not recognise, and Lit's `{ state: true }` entries are private state, not attributes: the plugin
// below records the tag and drops the internal state and the generic `#emit(type)` event.
const STATE = new Set([
  'step',
  'acknowledged',
  'identity',
  'touched',
  'signatureType',
  'drawing',
  'typedName',
  'showErrors',
  'busy',
  'pdfBusy',
  'error',
  'status',
  'record',
]);

function ikrarManifest() {
  return {
    name: 'ikrar-manifest',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const d of mod.declarations ?? []) {
          if (d.name !== 'IkrarNetralitas') continue;
          d.tagName = 'ikrar-netralitas';
          d.customElement = true;
          d.attributes = (d.attributes ?? []).filter((a) => !STATE.has(a.fieldName ?? a.name));
          d.members = (d.members ?? []).filter((m) => !STATE.has(m.name));
          d.events = (d.events ?? []).filter((e) => e.name !== 'type');
          mod.exports = [
            ...(mod.exports ?? []),
            {
              kind: 'custom-element-definition',
              name: 'ikrar-netralitas',
              declaration: { name: 'IkrarNetralitas', module: mod.path },
            },
          ];
        }
      }
    },
  };
}

export default {
  globs: ['src/components/**/*.component.ts'],
  exclude: ['**/*.test.ts'],
  outdir: 'dist',
  litelement: true,
  dev: false,
  plugins: [ikrarManifest()],
};
