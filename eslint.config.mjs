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
    // never from the markup. Pages not yet translated are listed in docs/dashboard.md.
    files: [
      'apps/dashboard/src/app.tsx',
      'apps/dashboard/src/ui/states.tsx',
      'apps/dashboard/src/ui/data-table.tsx',
      'apps/dashboard/src/session/sign-in-page.tsx',
      'apps/dashboard/src/registry/registry-page.tsx',
      'apps/dashboard/src/portfolio/portfolio-page.tsx',
      'apps/dashboard/src/portfolio/portfolio-charts.tsx',
      'apps/dashboard/src/partnership/partnership-links.tsx',
      'apps/dashboard/src/donor/*.tsx',
      'apps/dashboard/src/worklog/*.tsx',
      'apps/dashboard/src/beneficiary/*.tsx',
      'apps/dashboard/src/partnership/partnerships-page.tsx',
      'apps/dashboard/src/partnership/plan-endorsement.tsx',
      'apps/dashboard/src/evaluator/*.tsx',
      'apps/dashboard/src/ui/form.tsx',
      'apps/dashboard/src/partnership/risks-card.tsx',
      'apps/dashboard/src/operations/*.tsx',
      'apps/dashboard/src/scorecard/*.tsx',
      'apps/dashboard/src/partnership/propose-page.tsx',
      'apps/dashboard/src/partnership/parties-card.tsx',
      'apps/dashboard/src/partnership/invitations-card.tsx',
      'apps/dashboard/src/partnership/money-records-card.tsx',
      'apps/dashboard/src/partnership/partnership-page.tsx',
    ],
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
