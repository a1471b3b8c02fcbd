//! The `incident-atlas` command line: parse, build the state, run. All logic lives in the
//! library; errors become one sentence on stderr and an exit code (0 ok, 1 no result or user
//! error, 2 usage error).

use std::io::{Read, Write};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{Context, bail};
use clap::{Parser, Subcommand};
use incident_atlas::gazetteer::Gazetteer;
use incident_atlas::http::{self, AppState, ServerConfig};

#[derive(Debug, Parser)]
#[command(
    name = "incident-atlas",
    version,
    about = "News reports of violent incidents, mapped."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the HTTP server and the map page.
    Serve {
        /// Address to listen on (HOST:PORT; port 0 picks a free port).
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: String,
        /// SQLite database file, created on first start.
        #[arg(long, default_value = "incident-atlas.db")]
        db: String,
    },
    /// Resolve one location description ("Vakhdat", "Tripoli, Lebanon") to a JSON Location.
    Geocode {
        /// The description; read from standard input when absent.
        text: Option<String>,
    },
    /// Find the place mentions of a text (FILE, or standard input) and print them as JSON.
    Geoparse {
        /// The text file to read; standard input when absent.
        file: Option<std::path::PathBuf>,
    },
}

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Serve { addr, db: _ } => serve(addr),
        Command::Geocode { text } => geocode(text),
        Command::Geoparse { file } => geoparse(file),
    }
}

fn load_gazetteer() -> anyhow::Result<Arc<Gazetteer>> {
    Ok(Arc::new(
        Gazetteer::load().context("loading the embedded gazetteer")?,
    ))
}

/// Reads all of standard input as UTF-8 text.
fn read_stdin() -> anyhow::Result<String> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .context("reading standard input")?;
    String::from_utf8(bytes).map_err(|e| {
        anyhow::anyhow!(
            "standard input is not valid UTF-8 (byte {})",
            e.utf8_error().valid_up_to()
        )
    })
}

fn geocode(text: Option<String>) -> anyhow::Result<ExitCode> {
    let text = match text {
        Some(t) => t,
        None => read_stdin()?,
    };
    let gazetteer = load_gazetteer()?;
    match incident_atlas::geoparse::resolve(&gazetteer, &text)? {
        Some(location) => {
            let mut out = std::io::stdout().lock();
            serde_json::to_writer_pretty(&mut out, &location)?;
            writeln!(out)?;
            Ok(ExitCode::SUCCESS)
        }
        None => bail!("no place matches {:?}", text.trim()),
    }
}

fn geoparse(file: Option<std::path::PathBuf>) -> anyhow::Result<ExitCode> {
    let text = match file {
        Some(path) => {
            let bytes =
                std::fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
            String::from_utf8(bytes).map_err(|e| {
                anyhow::anyhow!(
                    "{} is not valid UTF-8 (byte {})",
                    path.display(),
                    e.utf8_error().valid_up_to()
                )
            })?
        }
        None => read_stdin()?,
    };
    let gazetteer = load_gazetteer()?;
    let mentions = incident_atlas::geoparse::geoparse(&gazetteer, &text)?;
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, &mentions)?;
    writeln!(out)?;
    Ok(ExitCode::SUCCESS)
}

fn serve(addr: String) -> anyhow::Result<ExitCode> {
    let gazetteer = load_gazetteer()?;
    actix_web::rt::System::new().block_on(async move {
        let (server, addrs) =
            http::bind(AppState { gazetteer }, &ServerConfig { addr: addr.clone() })
                .with_context(|| format!("cannot listen on {addr}"))?;
        for a in &addrs {
            println!("listening on http://{a}");
        }
        std::io::stdout().flush()?;
        server.await.context("server stopped with an error")?;
        Ok(ExitCode::SUCCESS)
    })
}
