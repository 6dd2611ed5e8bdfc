import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  // Relative URLs, so the built page works from any folder (the tests serve dist/ at a random port).
  base: './',
  // The widget's PDF code (pdf-lib, fontkit, the font) is split out and loaded only when a
  // certificate is asked for; those lazy chunks are the only ones over Vite's 500 kB hint.
  build: { target: 'es2022', chunkSizeWarningLimit: 800 },
});
