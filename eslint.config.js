import antfu from '@antfu/eslint-config'

export default antfu(
  {
    vue: true,
    typescript: true,
    ignores: ['**/dist/**', '**/.tmp/**', 'web/e2e/screenshots/**', 'bench/results.json', 'docs/**'],
  },
  {
    rules: {
      // A zod schema and its type share a name, side by side (house style).
      'ts/no-redeclare': 'off',
      'node/prefer-global/buffer': 'off',
      'node/prefer-global/process': 'off',
      'e18e/prefer-static-regex': 'off',
      // Their autofixes change meaning: Array.from({ length }, () => call()) is n calls, .fill(call()) is one.
      'e18e/prefer-array-fill': 'off',
      'e18e/prefer-array-from-map': 'off',
      'e18e/prefer-timer-args': 'off',
      'antfu/no-top-level-await': 'off',
      'test/prefer-hooks-in-order': 'off',
      // Closures may name what is declared below them.
      'ts/no-use-before-define': ['error', { functions: false, classes: false, variables: false }],
    },
  },
  {
    // Command-line programs and test reports print.
    files: ['bench/**', 'server/test/**', 'web/scripts/**', '**/*.test.ts'],
    rules: { 'no-console': 'off', 'style/max-statements-per-line': ['error', { max: 2 }] },
  },
  {
    // Only the server's config module reads the environment (tests set it up for the processes they start).
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/config.ts', 'server/src/**/*.test.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through server/src/config.ts.' }],
    },
  },
)
