import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'bench/results/**', 'bench/dist/**', '.tmp/**', 'assets/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        console: 'readonly',
        process: 'readonly',
        performance: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        requestAnimationFrame: 'readonly',
        cancelAnimationFrame: 'readonly',
        URL: 'readonly',
        URLSearchParams: 'readonly',
        fetch: 'readonly',
        btoa: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
    },
  },
  {
    // The pure core knows no DOM, no Cesium, no three.
    files: ['src/scenario/**', 'src/geo/**', 'src/import/**', 'src/reconstruct/**', 'src/compose/**', 'src/story/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['cesium', 'three', 'lil-gui', '*/globe/*', '*/ui/*', '*/overlay/*', '*/app/*'] }],
      'no-restricted-globals': ['error', 'window', 'document'],
    },
  },
  {
    // Adapters never import each other.
    files: ['src/globe/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['*/ui/*', '*/overlay/*'] }] },
  },
  {
    // The three.js overlay may use Cesium's math and camera, never the other adapters.
    files: ['src/overlay/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['*/ui/*', '*/globe/*', 'lil-gui'] }] },
  },
  {
    files: ['src/ui/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['cesium', '*/overlay/*', '*/globe/*'] }] },
  },
);
