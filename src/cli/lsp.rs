//! `pacta lsp`: the language server ([`pacta::lsp::Server`]) on standard input and output.

use super::args::LspArgs;
use super::{Failure, EXIT_CLEAN};
use lsp_server::{Connection, Message};
use pacta::config::Config;
use pacta::lsp::Server;
use std::time::Instant;

pub fn run(_args: LspArgs) -> Result<i32, Failure> {
    serve().map_err(Failure)?;
    Ok(EXIT_CLEAN)
}

fn serve() -> Result<(), String> {
    let (connection, io_threads) = Connection::stdio();
    let capabilities =
        serde_json::to_value(pacta::lsp::capabilities()).map_err(|e| e.to_string())?;
    connection
        .initialize(capabilities)
        .map_err(|e| format!("the editor did not initialise the server: {e}"))?;
    eprintln!("pacta lsp {} ready", env!("CARGO_PKG_VERSION"));
    let mut server = Server::new(Box::new(config_for));
    loop {
        // Wait for a message, or until findings are due to be published.
        let message = match server.next_due() {
            Some(due) => {
                let wait = due.saturating_duration_since(Instant::now());
                match connection.receiver.recv_timeout(wait) {
                    Ok(m) => Some(m),
                    Err(e) if e.is_timeout() => None,
                    Err(_) => break,
                }
            }
            None => match connection.receiver.recv() {
                Ok(m) => Some(m),
                Err(_) => break,
            },
        };
        match message {
            None => server.publish_due(Instant::now()),
            Some(Message::Request(request)) => {
                match connection.handle_shutdown(&request) {
                    Ok(true) => break,
                    Ok(false) => {}
                    Err(e) => return Err(e.to_string()),
                }
                server.handle(Message::Request(request));
            }
            Some(m) => server.handle(m),
        }
        for line in server.take_log() {
            eprintln!("{line}");
        }
        for m in server.take_outgoing() {
            if connection.sender.send(m).is_err() {
                eprintln!("pacta lsp: the editor closed the connection");
            }
        }
    }
    drop(connection);
    io_threads.join().map_err(|e| e.to_string())?;
    Ok(())
}

/// The configuration `pacta check` would use for a document: the nearest `pacta.toml` above its
/// file. A document that is not a file, or a directory without one, has the default.
fn config_for(uri: &lsp_types::Url) -> Result<Config, String> {
    let Ok(path) = uri.to_file_path() else {
        return Ok(Config::default());
    };
    let Some(dir) = path.parent() else {
        return Ok(Config::default());
    };
    match super::files::find_config(dir) {
        Ok((config, _)) => Ok(config),
        Err(Failure(message)) => Err(message),
    }
}
