// The compiler: the WebAssembly module built from web/pacta-wasm, with its wasm-bindgen glue.
// The module's bytes are inlined in the bundle (esbuild's binary loader), so the page needs no
// request to start: it works from a static host, an intranet or a file opened from disk.
import init, * as pacta from "../pkg/pacta_wasm.js";
import wasm from "../pkg/pacta_wasm_bg.wasm";

export async function loadCompiler() {
  if (typeof WebAssembly !== "object") throw new Error("WebAssembly is not available");
  await init({ module_or_path: wasm });
  return pacta;
}
