import type { Plugin } from 'vite';

/** The Vite plugin of scripts/i18nBuild.mjs: catalogs compiled to ICU ASTs, the ICU parser left out of bundles. */
export function precompiledMessages(options?: { drop?: string[] }): Plugin;

/** Key prefixes of the messages only the server shows. */
export const SERVER_ONLY: string[];

/** Key prefixes of the embeddable element's own messages. */
export const ELEMENT_ONLY: string[];
