// Lint: recommended rules for TypeScript and Vue, plus the layer rule of architecture.md section 2,
// so a wrong import (electron in the simulator, better-sqlite3 in the renderer) fails `npm test`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import vue from 'eslint-plugin-vue';
import globals from 'globals';
import { builtinModules } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(fileURLToPath(import.meta.url));

/** Each layer: its folder, the layers it may import from, and the packages it may use. */
const LAYERS = [
  { name: 'shared', dir: 'src-main/shared', layers: ['shared'], packages: ['zod'] },
  // yaml, onnx-proto: importers read other tools' files through maintained parsers (architecture.md section 3); both are pure, no I/O.
  { name: 'sim', dir: 'src-main/sim', layers: ['sim', 'shared'], packages: ['yaml', 'onnx-proto'] },
  { name: 'store', dir: 'src-main/store', layers: ['store', 'shared'], packages: ['better-sqlite3', 'node:*'] },
  { name: 'services', dir: 'src-main/services', layers: ['services', 'shared', 'sim', 'store'], packages: [] },
  { name: 'workers', dir: 'src-main/workers', layers: ['workers', 'shared', 'sim'], packages: ['node:*'] },
  { name: 'app', dir: 'src-main/app', layers: ['app', 'shared', 'sim', 'store', 'services', 'workers'], packages: ['electron', 'zod', 'node:*'] },
  { name: 'preload', dir: 'src-main/preload', layers: ['preload', 'shared'], packages: ['electron'] },
  { name: 'cli', dir: 'src-main/cli', layers: ['cli', 'shared', 'sim', 'store', 'services', 'serve', 'workers'], packages: ['node:*'] },
  { name: 'serve', dir: 'src-main/serve', layers: ['serve', 'shared', 'sim', 'store', 'services', 'workers'], packages: ['node:*'] },
  {
    name: 'renderer',
    dir: 'src-renderer',
    layers: ['renderer', 'shared'],
    // jspdf, svg2pdf.js and Inter's TrueType files: the PDF export of charts (loaded on first use).
    packages: ['vue', 'vue-router', 'pinia', 'echarts', '@lucide/vue', '@fontsource-variable/inter', '@fontsource/jetbrains-mono', 'jspdf', 'svg2pdf.js', '@expo-google-fonts/inter'],
  },
];

const ALIASES = { '@shared/': 'src-main/shared/', '@/': 'src-renderer/src/' };
const BUILTINS = new Set(builtinModules);

function layerOf(absPath) {
  const rel = relative(ROOT, absPath).split(sep).join('/');
  return LAYERS.find((l) => rel === l.dir || rel.startsWith(`${l.dir}/`));
}

function packageName(specifier) {
  if (specifier.startsWith('node:') || BUILTINS.has(specifier.split('/')[0])) return 'node:*';
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
}

function checkSpecifier(context, node, specifier) {
  const from = layerOf(context.filename);
  if (!from || typeof specifier !== 'string') return;
  const alias = Object.keys(ALIASES).find((a) => specifier.startsWith(a));
  if (specifier.startsWith('.') || alias) {
    const target = alias ? resolve(ROOT, ALIASES[alias] + specifier.slice(alias.length)) : resolve(dirname(context.filename), specifier);
    const to = layerOf(target);
    if (!to) return context.report({ node, message: `${from.dir} may not import files outside the layered folders ("${specifier}")` });
    if (!from.layers.includes(to.name)) {
      context.report({ node, message: `${from.dir} may not import ${to.dir} (allowed: ${from.layers.join(', ')}; see architecture.md section 2)` });
    }
    return;
  }
  const pkg = packageName(specifier);
  if (!from.packages.includes(pkg)) {
    context.report({ node, message: `${from.dir} may not import "${specifier}" (allowed packages: ${from.packages.join(', ') || 'none'}; see architecture.md section 2)` });
  }
}

const layersPlugin = {
  rules: {
    layers: {
      meta: { type: 'problem', docs: { description: 'enforce the import layers of architecture.md section 2' }, schema: [] },
      create(context) {
        const check = (node) => checkSpecifier(context, node.source ?? node, node.source?.value);
        return {
          ImportDeclaration: check,
          ExportNamedDeclaration: (node) => node.source && check(node),
          ExportAllDeclaration: check,
          ImportExpression: check,
          CallExpression: (node) => {
            if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal') {
              checkSpecifier(context, node, node.arguments[0].value);
            }
          },
        };
      },
    },
  },
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test/e2e/screenshots/**', 'test/.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
  },
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2024, sourceType: 'module' },
    plugins: { workbench: layersPlugin },
    rules: {
      'workbench/layers': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      eqeqeq: ['error', 'always'],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/require-default-prop': 'off',
    },
  },
  { files: ['src-renderer/**'], languageOptions: { globals: { ...globals.browser } } },
  // The CLI and the benchmarks print to the terminal by design.
  { files: ['test/bench/**', 'src-main/cli/**'], rules: { 'no-console': 'off' } },
);
