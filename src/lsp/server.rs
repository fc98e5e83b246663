//! The server's state and its answer to each message, free of any transport: the binary
//! (`src/cli/lsp.rs`) reads messages from standard input and writes what [`Server::take_outgoing`]
//! gives; the fuzz target `fuzz_lsp` feeds messages in-process.

use super::convert::{self, lsp_range, span_of};
use crate::config::Config;
use crate::ide::Analysis;
use lsp_server::{ErrorCode, Message, Notification, Request, Response};
use lsp_types as lsp;
use std::collections::HashMap;
use std::time::{Duration, Instant};

/// How long typing must pause before findings are published.
pub const DEBOUNCE: Duration = Duration::from_millis(200);

/// Finds the configuration of a document (the `pacta.toml` nearest above its file); an error is
/// reported to the editor and the default configuration used.
pub type ConfigFor = Box<dyn Fn(&lsp::Url) -> Result<Config, String>>;

struct Document {
    text: String,
    /// The configuration of the `pacta.toml` nearest above the document (the default without one).
    config: Config,
    version: i32,
    analysis: Option<Analysis>,
    /// The analysis of an earlier text, from which the next one is made incrementally.
    previous: Option<Analysis>,
    /// When the findings of the latest text are due, if they have not been published yet.
    due: Option<Instant>,
}

/// The language server: the open documents and the messages to send.
pub struct Server {
    documents: HashMap<lsp::Url, Document>,
    config_for: ConfigFor,
    outgoing: Vec<Message>,
    /// What went wrong, one line each, for the transport to log (standard error).
    log: Vec<String>,
}

/// What the server offers, for the `initialize` reply.
pub fn capabilities() -> lsp::ServerCapabilities {
    lsp::ServerCapabilities {
        text_document_sync: Some(lsp::TextDocumentSyncCapability::Kind(
            lsp::TextDocumentSyncKind::INCREMENTAL,
        )),
        hover_provider: Some(lsp::HoverProviderCapability::Simple(true)),
        definition_provider: Some(lsp::OneOf::Left(true)),
        references_provider: Some(lsp::OneOf::Left(true)),
        completion_provider: Some(lsp::CompletionOptions {
            trigger_characters: Some(vec!["#".into(), " ".into()]),
            ..Default::default()
        }),
        code_action_provider: Some(lsp::CodeActionProviderCapability::Simple(true)),
        document_symbol_provider: Some(lsp::OneOf::Left(true)),
        rename_provider: Some(lsp::OneOf::Left(true)),
        document_formatting_provider: Some(lsp::OneOf::Left(true)),
        ..Default::default()
    }
}

/// A failed request: the error code and message sent back.
type Failed = (ErrorCode, String);

impl Server {
    pub fn new(config_for: ConfigFor) -> Server {
        Server {
            documents: HashMap::new(),
            config_for,
            outgoing: Vec::new(),
            log: Vec::new(),
        }
    }

    /// The messages to send to the editor, in order, since the last call.
    pub fn take_outgoing(&mut self) -> Vec<Message> {
        std::mem::take(&mut self.outgoing)
    }

    /// The lines logged since the last call: requests that failed, messages not understood.
    pub fn take_log(&mut self) -> Vec<String> {
        std::mem::take(&mut self.log)
    }

    /// When the findings of some document are due to be published ([`Server::publish_due`]).
    pub fn next_due(&self) -> Option<Instant> {
        self.documents.values().filter_map(|d| d.due).min()
    }

    /// Answer one message from the editor (`shutdown` and `exit` are the transport's). A request
    /// always gets a response: an error when it cannot be answered, even when the handler panics.
    pub fn handle(&mut self, message: Message) {
        match message {
            Message::Request(request) => {
                let id = request.id.clone();
                let method = request.method.clone();
                let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    self.request(request)
                }));
                let response = match result {
                    Ok(Ok(value)) => Response::new_ok(id, value),
                    Ok(Err((code, message))) => {
                        self.log.push(format!("pacta lsp: {method}: {message}"));
                        Response::new_err(id, code as i32, message)
                    }
                    Err(_) => {
                        self.log.push(format!(
                            "pacta lsp: {method}: internal error (panic); carrying on"
                        ));
                        Response::new_err(
                            id,
                            ErrorCode::InternalError as i32,
                            format!("internal error while answering {method}"),
                        )
                    }
                };
                self.outgoing.push(Message::Response(response));
            }
            Message::Notification(n) => {
                let method = n.method.clone();
                let result =
                    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.notification(n)));
                match result {
                    Ok(Ok(())) => {}
                    Ok(Err(message)) => self.log.push(format!("pacta lsp: {method}: {message}")),
                    Err(_) => self.log.push(format!(
                        "pacta lsp: {method}: internal error (panic); carrying on"
                    )),
                }
            }
            Message::Response(_) => {}
        }
    }

    fn notification(&mut self, n: Notification) -> Result<(), String> {
        use lsp::notification::*;
        match n.method.as_str() {
            DidOpenTextDocument::METHOD => {
                let p: lsp::DidOpenTextDocumentParams = params(n.params)?;
                let doc = p.text_document;
                let config = self.configuration(&doc.uri);
                self.documents.insert(
                    doc.uri.clone(),
                    Document {
                        text: doc.text,
                        config,
                        version: doc.version,
                        analysis: None,
                        previous: None,
                        due: None,
                    },
                );
                self.publish(&doc.uri);
            }
            DidChangeTextDocument::METHOD => {
                let p: lsp::DidChangeTextDocumentParams = params(n.params)?;
                let Some(doc) = self.documents.get_mut(&p.text_document.uri) else {
                    return Err(format!("{} was not opened", p.text_document.uri));
                };
                for change in p.content_changes {
                    match change.range {
                        Some(range) => {
                            let index = crate::ide::LineIndex::new(&doc.text);
                            let start = index.offset(&doc.text, convert::position(range.start));
                            let end = index.offset(&doc.text, convert::position(range.end));
                            let (start, end) = (start.min(end), end.max(start));
                            doc.text.replace_range(start..end, &change.text);
                        }
                        None => doc.text = change.text,
                    }
                }
                doc.version = p.text_document.version;
                if let Some(a) = doc.analysis.take() {
                    doc.previous = Some(a);
                }
                doc.due = Some(Instant::now() + DEBOUNCE);
            }
            DidSaveTextDocument::METHOD | DidChangeWatchedFiles::METHOD => {
                // A `pacta.toml` saved or changed: every document reads its configuration again.
                let touches_config = match n.method.as_str() {
                    DidSaveTextDocument::METHOD => {
                        let p: lsp::DidSaveTextDocumentParams = params(n.params)?;
                        is_config(&p.text_document.uri)
                    }
                    _ => {
                        let p: lsp::DidChangeWatchedFilesParams = params(n.params)?;
                        p.changes.iter().any(|c| is_config(&c.uri))
                    }
                };
                if touches_config {
                    let uris: Vec<lsp::Url> = self.documents.keys().cloned().collect();
                    for uri in uris {
                        let config = self.configuration(&uri);
                        if let Some(doc) = self.documents.get_mut(&uri) {
                            if doc.config != config {
                                doc.config = config;
                                doc.analysis = None;
                                doc.previous = None;
                                doc.due = Some(Instant::now());
                            }
                        }
                    }
                }
            }
            DidCloseTextDocument::METHOD => {
                let p: lsp::DidCloseTextDocumentParams = params(n.params)?;
                self.documents.remove(&p.text_document.uri);
                let clear = lsp::PublishDiagnosticsParams {
                    uri: p.text_document.uri,
                    diagnostics: Vec::new(),
                    version: None,
                };
                self.notify::<PublishDiagnostics>(clear);
            }
            _ => {}
        }
        Ok(())
    }

    fn notify<N: lsp::notification::Notification>(&mut self, params: N::Params) {
        match serde_json::to_value(params) {
            Ok(p) => self.outgoing.push(Message::Notification(Notification::new(
                N::METHOD.to_string(),
                p,
            ))),
            Err(e) => self.log.push(format!("pacta lsp: {}: {e}", N::METHOD)),
        }
    }

    /// The configuration `pacta check` would use for a document; one that cannot be read is
    /// reported to the editor and the default used.
    fn configuration(&mut self, uri: &lsp::Url) -> Config {
        match (self.config_for)(uri) {
            Ok(config) => config,
            Err(message) => {
                self.log.push(format!("pacta lsp: {message}"));
                self.notify::<lsp::notification::ShowMessage>(lsp::ShowMessageParams {
                    typ: lsp::MessageType::WARNING,
                    message: format!("pacta: {message}; checking with the default configuration"),
                });
                Config::default()
            }
        }
    }

    /// The analysis of a document's latest text.
    fn analysis(&mut self, uri: &lsp::Url) -> Result<&Analysis, Failed> {
        let doc = self
            .documents
            .get_mut(uri)
            .ok_or((ErrorCode::InvalidParams, format!("{uri} is not open")))?;
        let config = &doc.config;
        let Document {
            text,
            analysis,
            previous,
            ..
        } = doc;
        Ok(analysis.get_or_insert_with(|| {
            let name = name_of(uri);
            match previous.take() {
                // Only the Article being edited is parsed again, when the edit stays inside one.
                Some(previous) => previous.update(&name, text, config),
                None => Analysis::new(&name, text, config),
            }
        }))
    }

    fn publish(&mut self, uri: &lsp::Url) {
        let Ok(analysis) = self.analysis(uri) else {
            return;
        };
        let diagnostics = analysis
            .diagnostics()
            .iter()
            .map(|d| convert::diagnostic(analysis, uri, d))
            .collect();
        let version = self.documents.get_mut(uri).map(|d| {
            d.due = None;
            d.version
        });
        self.notify::<lsp::notification::PublishDiagnostics>(lsp::PublishDiagnosticsParams {
            uri: uri.clone(),
            diagnostics,
            version,
        });
    }

    /// Publish the findings of the documents whose typing paused long enough before `now`.
    pub fn publish_due(&mut self, now: Instant) {
        let due: Vec<lsp::Url> = self
            .documents
            .iter()
            .filter(|(_, d)| d.due.is_some_and(|t| t <= now))
            .map(|(u, _)| u.clone())
            .collect();
        for uri in due {
            self.publish(&uri);
        }
    }

    fn request(&mut self, r: Request) -> Result<serde_json::Value, Failed> {
        use lsp::request::*;
        let json = |v: Result<serde_json::Value, serde_json::Error>| {
            v.map_err(|e| (ErrorCode::InternalError, e.to_string()))
        };
        match r.method.as_str() {
            HoverRequest::METHOD => {
                let p: lsp::HoverParams = request_params(r.params)?;
                let (uri, pos) = (
                    p.text_document_position_params.text_document.uri,
                    p.text_document_position_params.position,
                );
                let a = self.analysis(&uri)?;
                let hover = a
                    .hover(a.offset(convert::position(pos)))
                    .map(|(span, text)| lsp::Hover {
                        contents: lsp::HoverContents::Markup(lsp::MarkupContent {
                            kind: lsp::MarkupKind::Markdown,
                            value: text,
                        }),
                        range: Some(lsp_range(a, span)),
                    });
                json(serde_json::to_value(hover))
            }
            GotoDefinition::METHOD => {
                let p: lsp::GotoDefinitionParams = request_params(r.params)?;
                let (uri, pos) = (
                    p.text_document_position_params.text_document.uri,
                    p.text_document_position_params.position,
                );
                let a = self.analysis(&uri)?;
                let target = a.definition(a.offset(convert::position(pos))).map(|span| {
                    lsp::GotoDefinitionResponse::Scalar(lsp::Location {
                        uri: uri.clone(),
                        range: lsp_range(a, span),
                    })
                });
                json(serde_json::to_value(target))
            }
            References::METHOD => {
                let p: lsp::ReferenceParams = request_params(r.params)?;
                let (uri, pos) = (
                    p.text_document_position.text_document.uri,
                    p.text_document_position.position,
                );
                let a = self.analysis(&uri)?;
                let spans = a.references_at(
                    a.offset(convert::position(pos)),
                    p.context.include_declaration,
                );
                let locations: Vec<lsp::Location> = spans
                    .into_iter()
                    .map(|s| lsp::Location {
                        uri: uri.clone(),
                        range: lsp_range(a, s),
                    })
                    .collect();
                json(serde_json::to_value(locations))
            }
            Completion::METHOD => {
                let p: lsp::CompletionParams = request_params(r.params)?;
                let (uri, pos) = (
                    p.text_document_position.text_document.uri,
                    p.text_document_position.position,
                );
                let a = self.analysis(&uri)?;
                let items: Vec<lsp::CompletionItem> = a
                    .completions(a.offset(convert::position(pos)))
                    .into_iter()
                    .map(convert::completion)
                    .collect();
                json(serde_json::to_value(lsp::CompletionResponse::Array(items)))
            }
            CodeActionRequest::METHOD => {
                let p: lsp::CodeActionParams = request_params(r.params)?;
                let uri = p.text_document.uri;
                let a = self.analysis(&uri)?;
                json(serde_json::to_value(convert::code_actions(
                    a, &uri, p.range,
                )))
            }
            DocumentSymbolRequest::METHOD => {
                let p: lsp::DocumentSymbolParams = request_params(r.params)?;
                let a = self.analysis(&p.text_document.uri)?;
                let symbols: Vec<lsp::DocumentSymbol> =
                    a.outline().iter().map(|o| convert::symbol(a, o)).collect();
                json(serde_json::to_value(lsp::DocumentSymbolResponse::Nested(
                    symbols,
                )))
            }
            Rename::METHOD => {
                let p: lsp::RenameParams = request_params(r.params)?;
                let (uri, pos) = (
                    p.text_document_position.text_document.uri,
                    p.text_document_position.position,
                );
                let a = self.analysis(&uri)?;
                let edits = a
                    .rename(a.offset(convert::position(pos)), &p.new_name)
                    .map_err(|m| (ErrorCode::RequestFailed, m))?;
                let edits = edits
                    .into_iter()
                    .map(|e| lsp::TextEdit {
                        range: lsp_range(a, e.span),
                        new_text: e.text,
                    })
                    .collect();
                json(serde_json::to_value(lsp::WorkspaceEdit {
                    changes: Some(HashMap::from([(uri.clone(), edits)])),
                    ..Default::default()
                }))
            }
            Formatting::METHOD => {
                let p: lsp::DocumentFormattingParams = request_params(r.params)?;
                let a = self.analysis(&p.text_document.uri)?;
                let edits = crate::fmt::format(a.text()).ok().and_then(|formatted| {
                    (formatted != a.text()).then(|| {
                        vec![lsp::TextEdit {
                            range: lsp_range(a, span_of(a.text())),
                            new_text: formatted,
                        }]
                    })
                });
                // A file that does not parse is left as it is (its syntax errors are shown).
                json(serde_json::to_value(edits.unwrap_or_default()))
            }
            _ => Err((
                ErrorCode::MethodNotFound,
                format!("pacta lsp does not handle {}", r.method),
            )),
        }
    }
}

fn params<T: serde::de::DeserializeOwned>(value: serde_json::Value) -> Result<T, String> {
    serde_json::from_value(value).map_err(|e| format!("unreadable parameters: {e}"))
}

fn request_params<T: serde::de::DeserializeOwned>(value: serde_json::Value) -> Result<T, Failed> {
    params(value).map_err(|m| (ErrorCode::InvalidParams, m))
}

/// The file name shown in findings: the last part of the URI's path.
fn name_of(uri: &lsp::Url) -> String {
    uri.path_segments()
        .and_then(|mut s| s.next_back().map(str::to_string))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| uri.to_string())
}

fn is_config(uri: &lsp::Url) -> bool {
    uri.path().ends_with("/pacta.toml")
}
