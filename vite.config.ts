import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { ELEMENT_ONLY, precompiledMessages, SERVER_ONLY } from './scripts/i18nBuild.mjs';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));
const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const apiTarget = 'http://localhost:3000';

/** Builds the browser app from `client/` into `dist/client`; the dev server proxies the API and socket. */
export default defineConfig({
  root: fromRoot('./client'),
  // The app shows neither the server's texts nor the embeddable element's.
  plugins: [react(), precompiledMessages({ drop: [...SERVER_ONLY, ...ELEMENT_ONLY] })],
  resolve: {
    alias: { '@shared': fromRoot('./shared') },
  },
  build: {
    outDir: fromRoot('./dist/client'),
    emptyOutDir: true,
    // No source maps in the build: they would publish the app's sources next to it (the server also
    // refuses .map requests in production). Development (`npm run dev`) has its own, from Vite.
    sourcemap: false,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across deploys.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            // The analytics page's charts (recharts and its d3 and redux parts): their own chunk, loaded with that page only.
            {
              name: 'charts',
              test: /node_modules[\\/](recharts|victory-vendor|d3-[a-z-]+|internmap|@reduxjs|react-redux|redux|redux-thunk|reselect|immer|es-toolkit|decimal\.js-light|eventemitter3|tiny-invariant)[\\/]/,
            },
            { name: 'vendor', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    // client/ imports ../shared, which lies outside the Vite root.
    fs: { allow: [repoRoot] },
    // changeOrigin: false keeps the browser's Host (localhost:5173), so the server's Origin check sees the
    // page's own origin and needs no development exception (see ALLOWED_ORIGINS in the README).
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/socket.io': { target: apiTarget, ws: true, changeOrigin: false },
    },
  },
});
