//! Drive the language server (`pacta::lsp::Server`) in-process with message sequences: it must
//! never panic, and must answer every request once, with its id.
//!
//! Two kinds of input:
//! - starting with `{`: JSON-RPC messages, one a line, as an editor would send them (seeds in
//!   `fuzz/seeds/lsp/`); lines that are not messages are skipped;
//! - anything else: a document's text up to the first NUL byte, then operations read from the
//!   bytes after it — edits (ranges and inserted text), hover, completion, definition,
//!   references, formatting, code actions, outline, rename, a pause that publishes the findings,
//!   closing and reopening, an unknown method. With no NUL byte (an agreement as a seed) the
//!   operations come from a generator seeded by the input, so every agreement is edited too.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lsp_server::{Message, Notification, Request, RequestId};
use pacta::config::Config;
use pacta::lsp::Server;
use serde_json::{json, Value};
use std::time::{Duration, Instant};

const URI: &str = "file:///fuzz/agreement.pacta";

/// How many operation bytes the generator makes for an input without any (about eight
/// operations: each edit of a whole agreement is analysed again, so more would slow the run).
const GENERATED: usize = 24;

struct Session {
    server: Server,
    next_id: i32,
    /// The line count of the text opened, to aim positions mostly inside it.
    lines: u32,
}

impl Session {
    fn new() -> Session {
        Session {
            server: Server::new(Box::new(|_| Ok(Config::default()))),
            next_id: 1,
            lines: 1,
        }
    }

    /// Hand a message to the server and check its replies: a request gets exactly one response,
    /// with its id.
    fn send(&mut self, message: Message) {
        let id = match &message {
            Message::Request(r) => Some(r.id.clone()),
            _ => None,
        };
        self.server.handle(message);
        let out = self.server.take_outgoing();
        let responses: Vec<&lsp_server::Response> = out
            .iter()
            .filter_map(|m| match m {
                Message::Response(r) => Some(r),
                _ => None,
            })
            .collect();
        match id {
            Some(id) => {
                assert_eq!(responses.len(), 1, "one response per request");
                assert_eq!(responses[0].id, id, "the response carries the request's id");
            }
            None => assert!(responses.is_empty(), "no response to a notification"),
        }
    }

    fn request(&mut self, method: &str, params: Value) {
        let id = RequestId::from(self.next_id);
        self.next_id += 1;
        self.send(Message::Request(Request::new(
            id,
            method.to_string(),
            params,
        )));
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(Message::Notification(Notification::new(
            method.to_string(),
            params,
        )));
    }

    fn open(&mut self, text: &str) {
        self.lines = text.lines().count() as u32 + 1;
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": URI, "languageId": "pacta", "version": 1, "text": text}}),
        );
    }

    /// Findings due after a pause in typing.
    fn pause(&mut self) {
        self.server
            .publish_due(Instant::now() + pacta::lsp::DEBOUNCE + Duration::from_secs(1));
        for m in self.server.take_outgoing() {
            assert!(
                !matches!(m, Message::Response(_)),
                "no response without a request"
            );
        }
    }
}

/// The bytes that choose operations.
struct Ops<'a> {
    bytes: &'a [u8],
    /// A generator for inputs without operation bytes (xorshift, seeded by the input).
    state: u64,
    generated: usize,
}

impl Ops<'_> {
    fn byte(&mut self) -> Option<u8> {
        if let Some((&b, rest)) = self.bytes.split_first() {
            self.bytes = rest;
            return Some(b);
        }
        if self.state == 0 || self.generated >= GENERATED {
            return None;
        }
        self.generated += 1;
        self.state ^= self.state << 13;
        self.state ^= self.state >> 7;
        self.state ^= self.state << 17;
        Some(self.state as u8)
    }

    fn position(&mut self, lines: u32) -> Option<Value> {
        let line = match self.byte()? {
            255 => u32::MAX,
            b => u32::from(b) % (lines + 2),
        };
        let character = match self.byte()? {
            255 => u32::MAX,
            b => u32::from(b % 100),
        };
        Some(json!({"line": line, "character": character}))
    }

    fn text(&mut self) -> Option<String> {
        const PIECES: &[&str] = &[
            "x",
            " ",
            "\n",
            ",",
            ":",
            "{",
            "}",
            "\"",
            "\"\"\"",
            "//",
            "->",
            "rule 9.9: employed in X -> X\n",
            "overrides ",
            "limit 24 months",
            "#tag",
            "é",
            "\u{1F600}",
            "\r\n",
            "\t",
            "article 99 {\n",
        ];
        let n = self.byte()? % 4;
        let mut out = String::new();
        for _ in 0..n {
            out.push_str(PIECES[usize::from(self.byte()?) % PIECES.len()]);
        }
        Some(out)
    }
}

fn at(position: Value) -> Value {
    json!({"textDocument": {"uri": URI}, "position": position})
}

fn run_ops(session: &mut Session, ops: &mut Ops) -> Option<()> {
    let mut version = 1;
    loop {
        let lines = session.lines;
        match ops.byte()? % 14 {
            0 | 1 | 2 => {
                let (start, end) = (ops.position(lines)?, ops.position(lines)?);
                let text = ops.text()?;
                version += 1;
                session.notify(
                    "textDocument/didChange",
                    json!({"textDocument": {"uri": URI, "version": version},
                           "contentChanges": [{"range": {"start": start, "end": end}, "text": text}]}),
                );
            }
            3 => session.request("textDocument/hover", at(ops.position(lines)?)),
            4 => session.request("textDocument/completion", at(ops.position(lines)?)),
            5 => session.request("textDocument/definition", at(ops.position(lines)?)),
            6 => {
                let mut params = at(ops.position(lines)?);
                params["context"] = json!({"includeDeclaration": ops.byte()? % 2 == 0});
                session.request("textDocument/references", params);
            }
            7 => session.request(
                "textDocument/formatting",
                json!({"textDocument": {"uri": URI}, "options": {"tabSize": 2, "insertSpaces": true}}),
            ),
            8 => {
                let (start, end) = (ops.position(lines)?, ops.position(lines)?);
                session.request(
                    "textDocument/codeAction",
                    json!({"textDocument": {"uri": URI}, "range": {"start": start, "end": end},
                           "context": {"diagnostics": []}}),
                );
            }
            9 => session.request(
                "textDocument/documentSymbol",
                json!({"textDocument": {"uri": URI}}),
            ),
            10 => {
                let mut params = at(ops.position(lines)?);
                params["newName"] = json!(ops.text()?);
                session.request("textDocument/rename", params);
            }
            11 => session.pause(),
            12 => {
                session.notify("textDocument/didClose", json!({"textDocument": {"uri": URI}}));
                let text = ops.text()?;
                session.open(&text);
            }
            _ => session.request("pacta/unknown", json!({"junk": ops.byte()?})),
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let mut session = Session::new();
    if data.first() == Some(&b'{') {
        for line in data.split(|b| *b == b'\n') {
            if let Ok(message) = serde_json::from_slice::<Message>(line) {
                // The transport answers these; the server never sees them.
                if let Message::Request(r) = &message {
                    if r.method == "shutdown" || r.method == "initialize" {
                        continue;
                    }
                }
                session.send(message);
            }
        }
        session.pause();
        return;
    }
    let cut = data.iter().position(|b| *b == 0);
    let (text, ops) = match cut {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &[][..]),
    };
    let seed = data.iter().fold(0x9e37_79b9_7f4a_7c15_u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3)
    });
    let mut ops = Ops {
        bytes: ops,
        state: if cut.is_none() { seed | 1 } else { 0 },
        generated: 0,
    };
    session.open(&String::from_utf8_lossy(text));
    session.pause();
    let _ = run_ops(&mut session, &mut ops);
    session.pause();
});
