// typescript-eslint on src and test. src/core is the pure engine: it must not import the editor API
// (as vscode-markdown-languageservice enforces), so the CLI and tests can run it in plain Node.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', '.vscode-test/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    // Policy Memo works offline: nothing in the product may open a connection.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource'],
      'no-restricted-imports': ['error', { paths: ['http', 'https', 'net', 'tls', 'dgram', 'http2', 'node:http', 'node:https', 'node:net', 'node:tls', 'node:dgram', 'node:http2'].map((name) => ({ name, message: 'Policy Memo makes no network access.' })) }],
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/worker/**/*.ts', 'src/cli/**/*.ts', 'src/cli.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [
        { name: 'vscode', message: 'src/core and the CLI run outside VS Code: keep the editor API in src/vscode.' },
        ...['http', 'https', 'net', 'tls', 'dgram', 'http2', 'node:http', 'node:https', 'node:net', 'node:tls', 'node:dgram', 'node:http2'].map((name) => ({ name, message: 'Policy Memo makes no network access.' })),
      ] }],
    },
  },
);
