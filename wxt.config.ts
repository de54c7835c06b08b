import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

// The ONNX Runtime WebAssembly binary (single-threaded use of the SIMD build), served from the package: the encoder
// (lib/claims/encoder) points onnxruntime-web at this copy, so nothing is fetched from a CDN.
const ORT_WASM = 'ort-wasm-simd-threaded.wasm';
const ORT_MJS = 'ort-wasm-simd-threaded.mjs';
/**
 * onnxruntime-web's bundle locates its wasm with `new URL("ort-wasm-simd-threaded.wasm", import.meta.url)`, which Vite
 * would copy as a second 14 MB asset (and inline as base64 into Firefox's classic-script background). Point it at the
 * packaged copy instead; the encoder also sets `env.wasm.wasmPaths` to that copy.
 */
function ortWasmFromPackage(): Plugin {
  const pattern = `new URL("${ORT_WASM}",import.meta.url)`;
  return {
    name: 'claimlens:ort-wasm-from-package',
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes('/onnxruntime-web/dist/') || !code.includes(pattern)) return undefined;
      return { code: code.replaceAll(pattern, `new URL("/ort/${ORT_WASM}",location.href)`), map: null };
    },
  };
}

// Development aid: `CLAIMS_MODEL_DIR=training/out/<run>/public npm run build` packs a model export that is not (yet)
// in public/claims-model. Only the files the encoder reads.
const MODEL_OVERRIDE = process.env.CLAIMS_MODEL_DIR;
const MODEL_FILES = ['claims-model.json', 'vocab.txt', 'onnx/model_quantized.onnx'];

// Firefox-only keys live in the manifest function so they never leak into the Chrome manifest.
export default defineConfig({
  srcDir: '.',
  // No auto-imports: every module says what it uses, so panel code cannot slip into the content script unnoticed.
  imports: false,
  outDir: '.output',
  // The Firefox sources zip is for add-on reviewers: code and config, not test artifacts or local tools.
  zip: { excludeSources: ['test-results/**', '.tools/**', 'bench/results/**', '**/*.png'] },
  vite: () => ({
    plugins: [preact(), ortWasmFromPackage()],
    // ONNX Runtime's build that loads its WebAssembly glue (ort-wasm-simd-threaded.mjs) from the package at run time:
    // its threads are workers started from that file, which a bundled copy could not be.
    resolve: { alias: { 'onnxruntime-web/wasm': resolve('node_modules/onnxruntime-web/dist/ort.wasm.min.mjs') } },
  }),
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      files.push({
        absoluteSrc: resolve('node_modules/onnxruntime-web/dist', ORT_WASM),
        relativeDest: `ort/${ORT_WASM}`,
      });
      files.push({
        absoluteSrc: resolve('node_modules/onnxruntime-web/dist', ORT_MJS),
        relativeDest: `ort/${ORT_MJS}`,
      });
      if (MODEL_OVERRIDE) {
        const ours = files.filter((file) => !file.relativeDest.startsWith('claims-model/'));
        files.splice(0, files.length, ...ours);
        for (const name of MODEL_FILES)
          files.push({ absoluteSrc: resolve(MODEL_OVERRIDE, name), relativeDest: `claims-model/${name}` });
      }
    },
  },
  manifest: ({ browser }) => ({
    name: 'Claimlens',
    description: 'Find, judge and export the check-worthy claims of news articles, entirely on your machine.',
    action: { default_title: 'Open Claimlens' },
    // `offscreen` (Chrome only): the check-worthiness model runs in an offscreen document; Firefox's event page does it.
    permissions: browser === 'firefox' ? ['contextMenus'] : ['contextMenus', 'offscreen'],
    // WebAssembly for the on-device model; otherwise the MV3 default.
    content_security_policy: { extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'" },
    commands: {
      'mark-claim': {
        suggested_key: { default: 'Alt+Shift+C' },
        description: 'Mark the selected text as a claim',
      },
      'toggle-highlights': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: 'Show or hide claim highlights',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'claimlens@claimlens.local',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {
          minimum_chrome_version: '116',
          // Cross-origin isolation of the extension's own pages: the offscreen document may then share memory with
          // workers, and the encoder runs on two threads. The pages load nothing from other origins.
          cross_origin_embedder_policy: { value: 'require-corp' },
          cross_origin_opener_policy: { value: 'same-origin' },
        }),
  }),
});
