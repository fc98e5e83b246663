// The Pacta extension: highlighting and snippets are declarative (package.json); this file starts
// the language server, `pacta lsp`, for findings as you type, hover, go-to-definition, references,
// completion, quick fixes, the outline, rename and formatting.
"use strict";

const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

/** The `pacta` binary: the `pacta.server.path` setting, or `pacta` on the PATH. */
function serverPath() {
  const configured = vscode.workspace.getConfiguration("pacta").get("server.path");
  return configured && configured.trim() !== "" ? configured : "pacta";
}

async function start(context) {
  const command = serverPath();
  const serverOptions = {
    run: { command, args: ["lsp"] },
    debug: { command, args: ["lsp"] },
  };
  const clientOptions = {
    documentSelector: [{ scheme: "file", language: "pacta" }, { scheme: "untitled", language: "pacta" }],
    outputChannelName: "Pacta language server",
    // The server checks each file with the nearest pacta.toml and reads it again when it changes.
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher("**/pacta.toml") },
  };
  client = new LanguageClient("pacta", "Pacta", serverOptions, clientOptions);
  try {
    await client.start();
  } catch (e) {
    vscode.window.showErrorMessage(
      `Pacta: could not start \`${command} lsp\` (${e.message || e}). ` +
        "Install pacta (cargo install --path .) or set `pacta.server.path`."
    );
  }
}

async function activate(context) {
  await start(context);
  context.subscriptions.push(
    vscode.commands.registerCommand("pacta.restartServer", async () => {
      if (client) {
        await client.stop();
      }
      await start(context);
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration("pacta.server.path")) {
        await vscode.commands.executeCommand("pacta.restartServer");
      }
    })
  );
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate, serverPath };
