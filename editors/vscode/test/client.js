// The extension's entry point loads, reads the binary path setting, and starts `pacta lsp` with a
// language client (the `vscode` module is replaced by a stub; the client library is the real one).
"use strict";

const assert = require("assert");
const Module = require("module");

let started = null;
let setting = "";
const vscodeStub = {
  workspace: {
    getConfiguration: () => ({ get: () => setting }),
    onDidChangeConfiguration: () => ({ dispose() {} }),
    createFileSystemWatcher: (glob) => ({ glob, dispose() {} }),
  },
  window: { showErrorMessage: (m) => { throw new Error(m); } },
  commands: { registerCommand: () => ({ dispose() {} }), executeCommand: async () => {} },
};
class LanguageClientStub {
  constructor(id, name, serverOptions, clientOptions) {
    started = { id, serverOptions, clientOptions };
  }
  async start() {}
  async stop() {}
}

const load = Module._load;
Module._load = function (request, parent, isMain) {
  if (request === "vscode") return vscodeStub;
  if (request === "vscode-languageclient/node") {
    // The real module needs VS Code itself; it must be installed all the same.
    assert.ok(require.resolve("vscode-languageclient/node"));
    return { LanguageClient: LanguageClientStub };
  }
  return load.call(this, request, parent, isMain);
};

const extension = require("../extension.js");
const pkg = require("../package.json");

(async () => {
  assert.strictEqual(pkg.main, "./extension.js");
  assert.ok(pkg.contributes.configuration.properties["pacta.server.path"]);
  assert.strictEqual(extension.serverPath(), "pacta");
  setting = "/opt/pacta/bin/pacta";
  assert.strictEqual(extension.serverPath(), "/opt/pacta/bin/pacta");
  await extension.activate({ subscriptions: [] });
  assert.strictEqual(started.id, "pacta");
  assert.strictEqual(started.serverOptions.run.command, "/opt/pacta/bin/pacta");
  assert.deepStrictEqual(started.serverOptions.run.args, ["lsp"]);
  assert.strictEqual(started.clientOptions.documentSelector[0].language, "pacta");
  assert.strictEqual(started.clientOptions.synchronize.fileEvents.glob, "**/pacta.toml");
  await extension.deactivate();
  console.log("client: 1 passed, 0 failed");
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
