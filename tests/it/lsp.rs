//! `pacta lsp` driven over stdio as an editor drives it: initialize, didOpen, didChange with a
//! syntax error then a fix, hover, definition, completion, codeAction, formatting, bad requests,
//! shutdown.

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::Duration;

const URI: &str = "file:///tmp/lsp-test/agreement.pacta";

const TEXT: &str = "agreement \"Test\" {\n  short-title: \"T\"\n}\n\nparty XA \"Arcadia\" {\n  schemes: old-aeg\n}\n\npart II \"Law\" {\n  article 6 \"General\" {\n    rule 6.1: employed in X -> X\n  }\n  article 7 \"Posting\" {\n    rule 7.1: employed in Y, employer in X, posted -> X\n      overrides 6.1\n      limit 24 months\n  }\n  article 8 \"Other\" {\n    rule 8.1: self-employed in X -> X\n  }\n}\n";

struct Client {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
    next_id: i64,
}

impl Client {
    fn start() -> Client {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("pacta"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start pacta lsp");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut length = 0usize;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(n) = line.strip_prefix("Content-Length: ") {
                        length = n.parse().unwrap();
                    }
                }
                let mut body = vec![0; length];
                if reader.read_exact(&mut body).is_err() {
                    return;
                }
                if tx.send(serde_json::from_slice(&body).unwrap()).is_err() {
                    return;
                }
            }
        });
        Client {
            child,
            stdin,
            messages: rx,
            next_id: 1,
        }
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{}", body.len(), body).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Send a request and wait for its response (notifications meanwhile are dropped).
    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let m = self.next();
            if m["id"] == json!(id) {
                return m;
            }
        }
    }

    fn next(&mut self) -> Value {
        self.messages
            .recv_timeout(Duration::from_secs(60))
            .expect("the server answered in time")
    }

    /// The next diagnostics published.
    fn diagnostics(&mut self) -> Vec<Value> {
        loop {
            let m = self.next();
            if m["method"] == "textDocument/publishDiagnostics" {
                return m["params"]["diagnostics"].as_array().unwrap().clone();
            }
        }
    }
}

fn codes(diagnostics: &[Value]) -> Vec<String> {
    diagnostics
        .iter()
        .map(|d| d["code"].as_str().unwrap_or("").to_string())
        .collect()
}

/// The LSP position (line, UTF-16 column) of the first occurrence of `needle`, plus `delta`.
fn position_of(text: &str, needle: &str, delta: usize) -> Value {
    let at = text.find(needle).unwrap() + delta;
    let line = text[..at].matches('\n').count();
    let column = text[..at]
        .rsplit('\n')
        .next()
        .unwrap()
        .encode_utf16()
        .count();
    json!({"line": line, "character": column})
}

fn at(text: &str, needle: &str, delta: usize) -> Value {
    json!({"textDocument": {"uri": URI}, "position": position_of(text, needle, delta)})
}

#[test]
fn lsp_session_over_stdio() {
    let mut c = Client::start();
    let init = c.request(
        "initialize",
        json!({"processId": null, "rootUri": null, "capabilities": {}}),
    );
    let caps = &init["result"]["capabilities"];
    assert_eq!(caps["hoverProvider"], json!(true), "{init}");
    assert_eq!(caps["documentFormattingProvider"], json!(true));
    c.notify("initialized", json!({}));

    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": URI, "languageId": "pacta", "version": 1, "text": TEXT}}),
    );
    let d = c.diagnostics();
    assert!(codes(&d).contains(&"P005".to_string()), "{d:?}");

    // A syntax error in Article 8, typed in one edit.
    let broken = TEXT.replace("self-employed in X -> X", "self-employed at X -> X");
    let start = position_of(TEXT, "self-employed in X", "self-employed ".len());
    let end = position_of(TEXT, "self-employed in X", "self-employed in".len());
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": 2},
               "contentChanges": [{"range": {"start": start, "end": end}, "text": "at"}]}),
    );
    let d = c.diagnostics();
    assert!(codes(&d).contains(&"P001".to_string()), "{d:?}");

    // Hover and go-to-definition still work elsewhere in the broken file.
    let hover = c.request("textDocument/hover", at(&broken, "overrides 6.1", 10));
    let value = hover["result"]["contents"]["value"].as_str().unwrap_or("");
    assert!(value.contains("rule 6.1: employed in X -> X"), "{hover}");
    let def = c.request("textDocument/definition", at(&broken, "overrides 6.1", 11));
    assert_eq!(
        def["result"]["range"]["start"],
        position_of(&broken, "6.1: employed", 0),
        "{def}"
    );
    let refs = c.request(
        "textDocument/references",
        json!({"textDocument": {"uri": URI}, "position": position_of(&broken, "6.1: employed", 1),
               "context": {"includeDeclaration": true}}),
    );
    assert_eq!(refs["result"].as_array().map(Vec::len), Some(2), "{refs}");

    // The fix, as the whole text.
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": 3}, "contentChanges": [{"text": TEXT}]}),
    );
    let d = c.diagnostics();
    assert!(!codes(&d).contains(&"P001".to_string()), "{d:?}");

    let completion = c.request("textDocument/completion", at(TEXT, "overrides 6.1", 10));
    let labels: Vec<&str> = completion["result"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|i| i["label"].as_str())
        .collect();
    assert!(
        labels.contains(&"6.1") && labels.contains(&"8.1"),
        "{labels:?}"
    );

    let typo = position_of(TEXT, "old-aeg", 0);
    let actions = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": URI}, "range": {"start": typo, "end": typo},
               "context": {"diagnostics": []}}),
    );
    let fix = actions["result"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["kind"] == "quickfix")
        .unwrap_or_else(|| panic!("no quick fix: {actions}"));
    let edit = &fix["edit"]["changes"][URI][0];
    assert_eq!(edit["newText"], "old-age", "{fix}");

    let symbols = c.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": URI}}),
    );
    assert!(
        symbols["result"].to_string().contains("Article 7"),
        "{symbols}"
    );

    let rename = c.request(
        "textDocument/rename",
        json!({"textDocument": {"uri": URI}, "position": position_of(TEXT, "6.1: employed", 0),
               "newName": "6.9"}),
    );
    assert_eq!(
        rename["result"]["changes"][URI].as_array().map(Vec::len),
        Some(2),
        "{rename}"
    );

    // Formatting a messy version of the file.
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": 4},
               "contentChanges": [{"text": TEXT.replace("  rule", "rule")}]}),
    );
    let formatted = c.request(
        "textDocument/formatting",
        json!({"textDocument": {"uri": URI}, "options": {"tabSize": 2, "insertSpaces": true}}),
    );
    assert_eq!(
        formatted["result"][0]["newText"],
        json!(TEXT),
        "{formatted}"
    );

    // What the server does not understand is answered with an error, and it carries on.
    let unknown = c.request("pacta/unknown", json!({}));
    assert_eq!(unknown["error"]["code"], json!(-32601), "{unknown}");
    let bad = c.request("textDocument/hover", json!({"nonsense": true}));
    assert!(bad["error"].is_object(), "{bad}");
    let not_open = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": "file:///nowhere.pacta"}, "position": {"line": 0, "character": 0}}),
    );
    assert!(not_open["error"].is_object(), "{not_open}");
    c.notify("textDocument/didChange", json!({"garbage": 1}));

    let shutdown = c.request("shutdown", json!(null));
    assert_eq!(shutdown["result"], json!(null), "{shutdown}");
    c.notify("exit", json!(null));
    let status = c.child.wait().unwrap();
    assert!(status.success(), "{status}");
}

#[test]
fn lsp_checks_with_the_nearest_pacta_toml() {
    let dir = std::env::temp_dir().join(format!("pacta-lsp-config-{}", std::process::id()));
    let sub = dir.join("treaties");
    std::fs::create_dir_all(&sub).unwrap();
    let config = dir.join("pacta.toml");
    std::fs::write(&config, "[checks]\nP303 = \"allow\"\n").unwrap();
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/check/P303.pacta"
    ))
    .unwrap();
    let uri = lsp_types_url(&sub.join("a.pacta"));
    let mut c = Client::start();
    c.request(
        "initialize",
        json!({"processId": null, "rootUri": null, "capabilities": {}}),
    );
    c.notify("initialized", json!({}));
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "pacta", "version": 1, "text": text}}),
    );
    // The configuration of the directory above turns P303 off, as for `pacta check`.
    let d = c.diagnostics();
    assert!(!codes(&d).contains(&"P303".to_string()), "{d:?}");
    assert!(!d.is_empty(), "{d:?}");
    // The editor reports pacta.toml changed: the document is checked again with it.
    std::fs::write(&config, "[checks]\nP303 = \"error\"\n").unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": lsp_types_url(&config), "type": 2}]}),
    );
    let d = c.diagnostics();
    let p303: Vec<&Value> = d.iter().filter(|x| x["code"] == "P303").collect();
    assert_eq!(p303.len(), 1, "{d:?}");
    assert_eq!(p303[0]["severity"], json!(1), "{d:?}");
    c.request("shutdown", json!(null));
    c.notify("exit", json!(null));
    let _ = c.child.wait();
    std::fs::remove_dir_all(&dir).ok();
}

fn lsp_types_url(path: &std::path::Path) -> String {
    format!("file://{}", path.display())
}

/// A file with a syntax error (Article 8) in which completion is asked at many places.
const COMPLETE: &str = "agreement \"Test\" {\n  short-title: \"T\"\n  kind: coordination\n}\n\nparty XA \"Arcadia\" {\n  schemes: old-age\n  liaison-body: \"L\"\n}\n\nparty XB \"Borduria\" {\n  schemes: old-age, survivors\n}\n\npart II \"Law\" {\n  article 6 \"General\" #general {\n    rule 6.1: employed in X -> X\n  }\n  article 7 \"Posting\" {\n    rule 7.1: employed in Y, employer in X, posted -> X\n      overrides 6.1\n      limit 24 months\n    allow P303 \"the limit is set by the arrangement\"\n    export {\n      branches: old-age\n      to: parties\n    }\n    see: 6.1\n  }\n  article 8 \"Broken\" {\n    rule 8.1: self-employed at X -> X\n  }\n}\n\nscenario \"posting\" {\n  situation: employed in XB, employer in XA, posted\n  expect: XA by 7.1\n}\n";

fn complete(c: &mut Client, needle: &str, delta: usize) -> Vec<String> {
    let reply = c.request("textDocument/completion", at(COMPLETE, needle, delta));
    reply["result"]
        .as_array()
        .unwrap_or_else(|| panic!("no completion list at {needle:?}: {reply}"))
        .iter()
        .filter_map(|i| i["label"].as_str().map(str::to_string))
        .collect()
}

#[track_caller]
fn offers(got: &[String], yes: &[&str], no: &[&str], place: &str) {
    for y in yes {
        assert!(
            got.iter().any(|g| g == y),
            "{place}: {y} not offered in {got:?}"
        );
    }
    for n in no {
        assert!(
            !got.iter().any(|g| g == n),
            "{place}: {n} offered in {got:?}"
        );
    }
}

#[test]
fn lsp_completes_what_is_valid_at_the_cursor_despite_a_syntax_error() {
    let mut c = Client::start();
    c.request(
        "initialize",
        json!({"processId": null, "rootUri": null, "capabilities": {}}),
    );
    c.notify("initialized", json!({}));
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": URI, "languageId": "pacta", "version": 1, "text": COMPLETE}}),
    );
    let d = c.diagnostics();
    assert!(codes(&d).contains(&"P001".to_string()), "{d:?}");

    // Field names of the block the cursor is in.
    let header = complete(&mut c, "short-title", 0);
    offers(
        &header,
        &["kind", "conforms-to", "short-title"],
        &["schemes", "branches", "rule"],
        "header",
    );
    let party = complete(&mut c, "liaison-body", 0);
    offers(
        &party,
        &["schemes", "competent-authority", "ratified", "institution"],
        &["short-title", "branches", "rule", "XA"],
        "Party block",
    );
    let article = complete(&mut c, "rule 6.1", 0);
    offers(
        &article,
        &["rule", "export", "paragraph", "see", "define"],
        &["schemes", "short-title", "to", "article"],
        "Article",
    );
    let export = complete(&mut c, "to: parties", 0);
    offers(
        &export,
        &["branches", "to", "persons", "except"],
        &["rule", "schemes", "kind", "old-age"],
        "export block",
    );
    let scenario = complete(&mut c, "expect: XA", 0);
    offers(
        &scenario,
        &["situation", "expect", "branches"],
        &["rule", "schemes", "employed"],
        "scenario",
    );
    let top = complete(&mut c, "part II", 0);
    offers(
        &top,
        &["party", "article", "scenario"],
        &["rule", "schemes"],
        "top level",
    );

    // Values where a value is expected.
    let kind = complete(&mut c, "kind: coordination", "kind: ".len());
    offers(
        &kind,
        &["coordination", "coverage", "posting"],
        &["old-age", "XA", "kind"],
        "kind:",
    );
    let schemes = complete(&mut c, "old-age, survivors", "old-age, ".len());
    offers(
        &schemes,
        &["survivors", "invalidity", "all"],
        &["XA", "schemes", "coordination"],
        "schemes:",
    );
    let to = complete(&mut c, "to: parties", "to: ".len());
    offers(
        &to,
        &["XA", "XB", "parties", "third-states"],
        &["old-age", "to"],
        "to:",
    );

    // Party codes where a Party is expected: the declared ones.
    let place = complete(&mut c, "employer in X,", "employer in ".len());
    offers(
        &place,
        &["XA", "XB", "X", "several"],
        &["old-age", "XC", "rule"],
        "employer in",
    );
    let target = complete(&mut c, "posted -> X", "posted -> ".len());
    offers(&target, &["XA", "XB"], &["old-age", "overrides"], "->");
    let condition = complete(&mut c, "employed in Y", 0);
    offers(
        &condition,
        &["employed", "self-employed", "resides", "posted"],
        &["XA", "old-age", "rule"],
        "condition",
    );

    // Rule labels after `overrides` and `by`, from every Article, the broken one too.
    let overrides = complete(&mut c, "overrides 6.1", "overrides ".len());
    offers(
        &overrides,
        &["6.1", "7.1", "8.1"],
        &["XA", "old-age", "#general"],
        "overrides",
    );
    let by = complete(&mut c, "XA by 7.1", "XA by ".len());
    offers(&by, &["6.1", "7.1"], &["XA", "gap"], "expect by");
    let expect = complete(&mut c, "expect: XA", "expect: ".len());
    offers(
        &expect,
        &["XA", "XB", "gap", "overlap"],
        &["6.1", "old-age"],
        "expect:",
    );
    let see = complete(&mut c, "see: 6.1", "see: ".len());
    offers(&see, &["6.1", "#general"], &["XA", "old-age"], "see:");
    let clause = complete(&mut c, "limit 24 months", 0);
    offers(
        &clause,
        &["limit", "overrides", "extension", "rule"],
        &["XA", "schemes"],
        "rule clause",
    );

    // Check codes after `allow`.
    let allow = complete(&mut c, "allow P303", "allow ".len());
    offers(
        &allow,
        &["P303", "P501", "P009"],
        &["XA", "old-age", "rule"],
        "allow",
    );

    // Nothing inside a string.
    let string = complete(&mut c, "the limit is set", 4);
    assert!(string.is_empty(), "{string:?}");

    c.request("shutdown", json!(null));
    c.notify("exit", json!(null));
    let _ = c.child.wait();
}
