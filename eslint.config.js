// ESLint (flat config): JavaScript's and typescript-eslint's recommended rules over every TypeScript source.
// Formatting is Prettier's business (.prettierrc.json); the layering of src/ is dependency-cruiser's
// (.dependency-cruiser.cjs). Both run in `npm test` through `npm run lint`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'reports/', 'test-results/', 'playwright-report/', 'blob-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // .dependency-cruiser.cjs: a CommonJS module (dependency-cruiser's own config format)
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs', globals: { module: 'writable' } } },
  {
    files: ['**/*.ts'],
    rules: {
      // `_name` marks a value taken on purpose and left unused (destructuring a field away, a required parameter)
      // code and comments within 120 columns; a string stays whole (rule sentences and messages are found by grep)
      'max-len': [
        'error',
        { code: 120, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreUrls: true },
      ],
      // a closure may read a binding that is assigned once, after it is made (a server's handler and the server)
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
);
