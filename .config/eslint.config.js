import tseslint from 'typescript-eslint';

const runtimeBans = {
  'no-restricted-globals': ['error',
    { name: 'process', message: 'runtime/ is pure: no process access.' },
    { name: 'setTimeout', message: 'runtime/ uses the virtual clock.' },
    { name: 'setInterval', message: 'runtime/ uses the virtual clock.' },
  ],
  'no-restricted-properties': ['error',
    { object: 'Date', property: 'now', message: 'runtime/ time comes from the virtual clock.' },
    { object: 'Math', property: 'random', message: 'runtime/ randomness comes from the seeded generator.' },
  ],
  'no-restricted-imports': ['error', { patterns: [{ group: ['node:*'], message: 'runtime/ does no I/O.' }] }],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  { files: ['src/runtime/**/*.ts'], rules: runtimeBans },
);
