import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { readdirSync } from 'node:fs';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

/** Every screen's folder: a new feature is held to the same boundaries without being listed. */
const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

const layer = (group, message) => ({ group, message });

/** Layer boundaries from DEVELOPERS.md, enforced rather than promised. */
const boundaries = [
  {
    files: ['src/domain/**/*.{ts,tsx}'],
    ignores: ['**/*.test.*'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            layer(
              ['react', 'react-*', 'dexie', 'dexie-*', 'zustand', 'zustand/*'],
              'src/domain is pure TypeScript.',
            ),
            layer(
              ['**/storage/**', '**/state/**', '**/features/**', '**/components/**', '**/app/**'],
              'src/domain imports no other layer.',
            ),
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'No clock in the domain: take `now` as a parameter.',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'No clock in the domain: take `now` as a parameter.',
        },
        {
          selector: "CallExpression[callee.object.name='performance'][callee.property.name='now']",
          message: 'No clock in the domain.',
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/storage/**', 'src/domain/**', '**/*.test.*'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [layer(['dexie', 'dexie-*'], 'Only src/storage imports dexie.')] },
      ],
    },
  },
  {
    files: ['src/storage/**/*.{ts,tsx}'],
    ignores: ['**/*.test.*'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            layer(['react', 'react-*', 'zustand'], 'src/storage has no UI.'),
            layer(
              ['**/state/**', '**/features/**', '**/components/**', '**/app/**'],
              'storage depends on domain only.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src/state/**/*.{ts,tsx}', 'src/components/**/*.{ts,tsx}', 'src/i18n/**/*.{ts,tsx}'],
    ignores: ['**/*.test.*'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            layer(['dexie'], 'Only src/storage imports dexie.'),
            layer(['**/features/**', '**/app/**'], 'Shared code does not import screens or the app shell.'),
          ],
        },
      ],
    },
  },
  ...features.map((feature) => ({
    files: [`src/features/${feature}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            layer(['dexie'], 'Only src/storage imports dexie.'),
            layer(
              [`**/features/!(${feature})/**`, '**/app/**'],
              'Features do not import each other; share through src/components.',
            ),
            // A sibling folder reached with one `../` is another feature.
            {
              regex: '^\\.\\./(?!\\.\\./)',
              message: 'Features do not import each other; share through src/components.',
            },
          ],
        },
      ],
    },
  })),
];

export default tseslint.config(
  { ignores: ['dist', 'dist-e2e', 'dev-dist', 'node_modules', 'coverage', 'bench/results.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'max-lines': ['warn', { max: 300, skipBlankLines: true, skipComments: true }],
    },
  },
  ...boundaries,
  {
    // No import circles: a module that (indirectly) imports itself is initialised half-way.
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver()],
    },
    rules: { 'import-x/no-cycle': 'error' },
  },
);
