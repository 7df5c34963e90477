import type { Plugin } from 'vite';

/** The Vite plugin of scripts/i18nBuild.mjs: catalogs compiled to ICU ASTs, the ICU parser left out of bundles. */
export function precompiledMessages(): Plugin;
