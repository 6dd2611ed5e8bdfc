import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

export default defineConfig({
  // Tell Vue's template compiler that ikrar-* tags are custom elements, not Vue components.
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('ikrar-') } } })],
  // Relative URLs, so the built page works from any folder (the tests serve dist/ at a random port).
  base: './',
  // The widget's PDF code (pdf-lib, fontkit, the font) is split out and loaded only when a
  // certificate is asked for; those lazy chunks are the only ones over Vite's 500 kB hint.
  build: { target: 'es2022', chunkSizeWarningLimit: 800 },
});
