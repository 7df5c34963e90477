import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEslintConfig } from './scripts/lint/eslintConfig.js';

// The rules, and why each one is there, live in scripts/lint/eslintConfig.ts (shared with tests/unit/lint.test.ts).
export default createEslintConfig(path.dirname(fileURLToPath(import.meta.url)));
