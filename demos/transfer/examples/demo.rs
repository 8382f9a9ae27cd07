//! The transfer demo on its own: `cargo run -p transfer --example demo`.

use std::process::ExitCode;

fn main() -> ExitCode {
    match transfer::demo::demo() {
        Ok(story) => {
            kit::cli::print(&story.to_string());
            ExitCode::SUCCESS
        }
        Err(error) => kit::cli::fail(&error),
    }
}
