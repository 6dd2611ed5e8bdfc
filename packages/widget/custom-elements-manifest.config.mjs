// Custom elements manifest from the class JSDoc (@summary, @event, @csspart, @cssproperty).
export default {
  globs: ['src/components/**/*.component.ts'],
  exclude: ['**/*.test.ts'],
  outdir: 'dist',
  litelement: true,
  dev: false,
};
