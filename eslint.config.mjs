// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['lib/k8s/imports/**', 'dist/**', 'cdktf.out/**', 'node_modules/**', '**/*.js', '**/*.mjs'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
      'no-restricted-imports': ['error', {
        paths: [
          { name: '@cdktf/provider-aws', message: 'Import providers by deep path (@cdktf/provider-aws/lib/<resource>): the package root costs ~4 s of require.' },
          { name: '@cdktf/provider-azurerm', message: 'Import providers by deep path (@cdktf/provider-azurerm/lib/<resource>).' },
          { name: '@cdktf/provider-helm', message: 'Import providers by deep path (@cdktf/provider-helm/lib/<resource>).' },
        ],
      }],
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
