// @ts-check
import js from '@eslint/js';
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
);
