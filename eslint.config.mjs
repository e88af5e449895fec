// @ts-check
import js from '@eslint/js';
import i18next from 'eslint-plugin-i18next';
import tseslint from 'typescript-eslint';

/**
 * The compiler checks types; this checks what it does not: a switch that forgets a case, a promise nobody
 * awaits, an assertion that asserts nothing. Formatting is Prettier's (`npm run format:check`).
 */
export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-results/**', '.data/**', 'apps/dashboard/src/api/generated/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: {
        // The dashboard's specs and Vite config sit outside its tsconfig (which builds the browser bundle only).
        projectService: { allowDefaultProject: ['apps/dashboard/vite.config.ts', 'apps/dashboard/src/*.spec.ts', 'apps/dashboard/src/*/*.spec.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false }],
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      // Unused names are the compiler's (noUnusedLocals, noUnusedParameters), which knows the `_` convention.
      '@typescript-eslint/no-unused-vars': 'off',
    },
  },
  {
    // Pages already in every language: words a person reads come from the translations (apps/dashboard/src/i18n),
    // never from the markup.
    files: ['apps/dashboard/src/**/*.tsx'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          'jsx-attributes': { include: ['label', 'title', 'placeholder', 'aria-label', 'alt', 'empty', 'caption', 'what', 'note', 'header'] },
          // Punctuation and symbols between translated parts are not words.
          words: { exclude: ['^[\\s.,:;()·–—…/-]*$'] },
        },
      ],
    },
  },
);
