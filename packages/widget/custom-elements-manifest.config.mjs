// Custom elements manifest from the class JSDoc (@summary, @event, @csspart, @cssproperty) and the
// property declarations (ikrar-netralitas.properties.ts, inherited by the element class). The tag
// is registered through defineElement() (defensive registration), which the analyzer does not
// recognise: the plugin below records it and drops the generic `#emit(type)` event. The element
// keeps no reactive state of its own (its controllers do), so every attribute listed is public.
function ikrarManifest() {
  return {
    name: 'ikrar-manifest',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const d of mod.declarations ?? []) {
          if (d.name !== 'IkrarNetralitas') continue;
          d.tagName = 'ikrar-netralitas';
          d.customElement = true;
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
  globs: ['src/components/**/*.component.ts', 'src/components/**/*.properties.ts'],
  exclude: ['**/*.test.ts'],
  outdir: 'dist',
  litelement: true,
  dev: false,
  plugins: [ikrarManifest()],
};
