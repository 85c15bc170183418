// One ESLint configuration for the whole workspace (flat config).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import vue from 'eslint-plugin-vue';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.turbo/**', '**/coverage/**', '**/data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'off',
      'vue/multi-word-component-names': 'off',
    },
  },
  {
    // IsOptional and PartialType let null through to the services; optional.ts says which
    // fields may be null.
    files: ['apps/api/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'class-validator',
              importNames: ['IsOptional'],
              message:
                'Use Optional() (null refused) or OptionalNullable() from common/validation/optional.ts.',
            },
            {
              name: '@nestjs/swagger',
              importNames: ['PartialType'],
              message: 'Use PartialDto() from common/validation/optional.ts.',
            },
            {
              name: '@nestjs/mapped-types',
              importNames: ['PartialType'],
              message: 'Use PartialDto() from common/validation/optional.ts.',
            },
          ],
        },
      ],
    },
  },
  prettier,
);
