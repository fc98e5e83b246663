// Bundle the playground into web/dist/: index.html, style.css and app.js (a classic script with
// the compiler's WebAssembly inlined), one static folder that works from any host or from disk.
// Run after web/build.sh has written web/pkg/ (the wasm-bindgen output).
import * as esbuild from "esbuild";
import { copyFile, mkdir, stat } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { readFile } from "node:fs/promises";

const here = new URL(".", import.meta.url).pathname;
const dist = `${here}dist`;
await mkdir(dist, { recursive: true });
await esbuild.build({
  entryPoints: [`${here}src/main.js`],
  bundle: true,
  format: "iife",
  minify: true,
  target: ["chrome110", "firefox115", "safari16"],
  loader: { ".pacta": "text", ".wasm": "binary" },
  outfile: `${dist}/app.js`,
  logLevel: "warning",
  // The wasm-bindgen glue names its default URL with import.meta.url; the page passes the bytes
  // instead, so that path is never taken.
  logOverride: { "empty-import-meta": "silent" },
});
for (const f of ["index.html", "style.css"]) await copyFile(`${here}${f}`, `${dist}/${f}`);

const wasm = await readFile(`${here}pkg/pacta_wasm_bg.wasm`);
const app = await stat(`${dist}/app.js`);
const kb = (n) => `${(n / 1024).toFixed(0)} KiB`;
console.log(`web/dist: app.js ${kb(app.size)}; the wasm ${kb(wasm.length)}, ${kb(gzipSync(wasm, { level: 9 }).length)} gzipped`);
