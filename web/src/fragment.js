// The playground's state in the URL fragment, so that a link reproduces a draft: JSON, compressed
// with deflate where the browser can (CompressionStream), in base64url. `z.` marks compressed
// state, `j.` plain state.

function toBase64Url(bytes) {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text) {
  const s = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
  return bytes;
}

async function through(bytes, stream) {
  const out = new Response(new Blob([bytes]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

export async function writeFragment(state) {
  const bytes = new TextEncoder().encode(JSON.stringify(state));
  if (typeof CompressionStream === "function") {
    return `z.${toBase64Url(await through(bytes, new CompressionStream("deflate-raw")))}`;
  }
  return `j.${toBase64Url(bytes)}`;
}

export async function readFragment(hash) {
  const [kind, data] = [hash.slice(0, 2), hash.slice(2)];
  let bytes;
  if (kind === "z.") bytes = await through(fromBase64Url(data), new DecompressionStream("deflate-raw"));
  else if (kind === "j.") bytes = fromBase64Url(data);
  else throw new Error("not a playground link");
  const state = JSON.parse(new TextDecoder().decode(bytes));
  if (typeof state?.source !== "string") throw new Error("no draft in the link");
  return state;
}
