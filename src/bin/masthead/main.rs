//! `masthead`: the extractor on the command line, for one page or a crawl (`cli.rs`).

#[cfg(not(target_arch = "wasm32"))]
mod batch;
#[cfg(not(target_arch = "wasm32"))]
mod cli;
#[cfg(not(target_arch = "wasm32"))]
mod inputs;
#[cfg(not(target_arch = "wasm32"))]
mod warc_input;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

/// The command-line tool is not built for the browser: the wasm package is the library alone.
#[cfg(target_arch = "wasm32")]
fn main() {}
