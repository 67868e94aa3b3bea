// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'fs',
  'path',
  'os',
  'crypto',
  'http',
  'https',
  'net',
  'child_process',
  'url',
  'util',
  'stream',
  'zlib',
  'worker_threads',
];

/** The process boundaries of the house: shared/ runs on both sides, renderer/ never reaches into the main process. */
const sharedBoundary = {
  paths: [{ name: 'electron', message: 'shared/ runs in the renderer too: no Electron.' }, ...nodeBuiltins],
  patterns: [
    { regex: '^node:', message: 'shared/ runs in the renderer too: no Node built-ins.' },
    {
      group: ['**/electron/**', '**/electron', '**/renderer/**', '**/renderer'],
      message: 'shared/ imports nothing from electron/ or renderer/.',
    },
  ],
};
const rendererBoundary = {
  paths: [
    { name: 'electron', message: 'The renderer reaches the main process only through renderer/api.ts.' },
    ...nodeBuiltins,
  ],
  patterns: [
    { regex: '^node:', message: 'No Node built-ins in the renderer.' },
    {
      group: ['**/electron/**', '**/electron'],
      message: 'The renderer reaches the main process only through the typed client (renderer/api.ts).',
    },
  ],
};

/** shell.openExternal / openPath can run anything: electron/safe-open.ts is the only door to them. */
const dangerousShell = ['openExternal', 'openPath'].map((name) => ({
  selector: `MemberExpression[property.name='${name}']`,
  message: `Use electron/safe-open.ts instead of shell.${name}.`,
}));

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { project: ['./tsconfig.node.json', './tsconfig.web.json'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { ignoreRestSiblings: true, argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
        ...dangerousShell,
      ],
    },
  },
  {
    files: ['electron/safe-open.ts', 'electron/safe-open.test.ts'],
    rules: {
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', sharedBoundary] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: { ...reactHooks.configs.recommended.rules, 'no-restricted-imports': ['error', rendererBoundary] },
  },
  {
    // Tests may reach across the boundaries to set things up.
    files: ['**/*.test.ts', 'test/**/*.ts'],
    // Vitest's asymmetric matchers (expect.any, …) are typed any.
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  {
    // TypeORM types entity schema options as a class while documenting object literals for them.
    files: ['electron/db/entities/*.ts'],
    rules: { '@typescript-eslint/no-unsafe-class-instance-assignment': 'off' },
  },
  {
    // Config files are default-exported by their tools' convention.
    files: ['*.config.ts', 'eslint.config.js', '**/*.d.ts', 'test/e2e/global-teardown.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
);
