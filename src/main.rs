//! The `incident-atlas` command line: parse, build the state, run. All logic lives in the
//! library; errors become one sentence on stderr and an exit code (0 ok, 1 no result or user
//! error, 2 usage error).

use std::io::{BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{Context, bail};
use clap::{Parser, Subcommand};
use incident_atlas::export::{Format, write_incidents, write_selection};
use incident_atlas::gazetteer::Gazetteer;
use incident_atlas::geoparse::{geoparse_with_context, hint_context};
use incident_atlas::http::{
    self, AppState, DEFAULT_MAX_BODY, SecurityConfig, ServerConfig, TileConfig, WriteAccess,
};
use incident_atlas::import::import;
use incident_atlas::ingest::Article;
use incident_atlas::store::{DbTarget, Filter, IncidentStore, copy_all};
use indicatif::{ProgressBar, ProgressStyle};

/// Default SQLite database file, in the working directory.
const DEFAULT_DB: &str = "incident-atlas.db";
/// How the import progress bar looks.
const PROGRESS_TEMPLATE: &str = "{bar:40} {bytes}/{total_bytes} ({eta} left)";
/// How the migrate progress bar looks.
const MIGRATE_TEMPLATE: &str = "{bar:40} {pos}/{len} incidents ({eta} left)";

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
        /// SQLite database file, created on first start, or a postgres:// URL (PostGIS).
        #[arg(long, default_value = DEFAULT_DB)]
        db: DbTarget,
        /// Largest accepted request body in bytes; longer ones get 413.
        #[arg(long, default_value_t = DEFAULT_MAX_BODY)]
        max_body: usize,
        /// Bearer token required for writes; without one, only loopback clients may write.
        #[arg(long, env = "INCIDENT_ATLAS_TOKEN", hide_env_values = true)]
        token: Option<String>,
        /// Base-map tile URL template for the page (`.../{z}/{x}/{y}.png`); without one the
        /// page draws only its embedded world outline, so it needs no network. Its host is the
        /// only foreign one the page's Content-Security-Policy allows images from.
        #[arg(long)]
        tiles: Option<String>,
        /// Attribution shown with the tiles (e.g. "© OpenStreetMap contributors").
        #[arg(long, requires = "tiles")]
        tiles_attribution: Option<String>,
        /// An origin (`https://host[:port]`, or `*`) allowed cross-origin access; repeatable.
        /// Without one, no CORS headers are sent.
        #[arg(long = "cors-origin", value_name = "ORIGIN")]
        cors_origins: Vec<String>,
    },
    /// Bulk-load incidents from a GeoJSON FeatureCollection or a CSV file (by extension).
    Import {
        /// The file; `.csv` is read as CSV, anything else as GeoJSON.
        file: PathBuf,
        /// SQLite database file, created if absent, or a postgres:// URL (PostGIS).
        #[arg(long, default_value = DEFAULT_DB)]
        db: DbTarget,
    },
    /// Write every incident to standard output.
    Export {
        /// geojson or csv.
        #[arg(long, default_value = "geojson")]
        format: String,
        /// SQLite database file, or a postgres:// URL (PostGIS).
        #[arg(long, default_value = DEFAULT_DB)]
        db: DbTarget,
    },
    /// Copy every incident into an empty database (e.g. SQLite to PostGIS) and verify the copy
    /// with counts and checksums computed on both sides.
    Migrate {
        /// The database to read: a SQLite file or a postgres:// URL.
        #[arg(long, default_value = DEFAULT_DB)]
        from: DbTarget,
        /// The empty database to fill: a postgres:// URL or a SQLite file.
        #[arg(long)]
        to: DbTarget,
    },
    /// Write N deterministic synthetic incidents (for benches and load tests) to standard output.
    Generate {
        /// How many incidents.
        #[arg(long)]
        count: u64,
        /// Seed of the generator; the same seed gives the same file.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// geojson or csv.
        #[arg(long, default_value = "geojson")]
        format: String,
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
        /// Areas the text is known to be about, comma-separated ("Tajikistan,Central Asia"):
        /// countries, admin regions or regions that constrain same-named towns.
        #[arg(long)]
        hint: Option<String>,
    },
    /// Extract the incidents of an article (FILE, or standard input), store them and print
    /// the GeoJSON FeatureCollection of what was stored or merged.
    Ingest {
        /// The article text file; standard input when absent.
        file: Option<PathBuf>,
        /// Publication date (YYYY-MM-DD) that relative dates are resolved against; today when
        /// absent.
        #[arg(long)]
        published: Option<chrono::NaiveDate>,
        /// Where the article was published, recorded as its source.
        #[arg(long)]
        source: Option<String>,
        /// Areas the article is known to be about, comma-separated ("Mali,Sahel").
        #[arg(long)]
        hint: Option<String>,
        /// SQLite database file, created if absent, or a postgres:// URL (PostGIS).
        #[arg(long, default_value = DEFAULT_DB)]
        db: DbTarget,
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
        Command::Serve {
            addr,
            db,
            max_body,
            token,
            tiles,
            tiles_attribution,
            cors_origins,
        } => {
            let security = SecurityConfig::new(tiles.as_deref(), cors_origins)?;
            let tiles = TileConfig {
                url: tiles,
                attribution: tiles_attribution,
            };
            serve(addr, &db, max_body, token, tiles, security)
        }
        Command::Geocode { text } => geocode(text),
        Command::Import { file, db } => import_file(&file, &db),
        Command::Export { format, db } => export(&format, &db),
        Command::Geoparse { file, hint } => geoparse(file, hint.as_deref()),
        Command::Ingest {
            file,
            published,
            source,
            hint,
            db,
        } => ingest(file, published, source, hint.as_deref(), &db),
        Command::Generate {
            count,
            seed,
            format,
        } => generate(count, seed, &format),
        Command::Migrate { from, to } => migrate(&from, &to),
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

/// Reads FILE, or standard input when absent, as UTF-8 text.
fn read_text(file: Option<&Path>) -> anyhow::Result<String> {
    let Some(path) = file else {
        return read_stdin();
    };
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    String::from_utf8(bytes).map_err(|e| {
        anyhow::anyhow!(
            "{} is not valid UTF-8 (byte {})",
            path.display(),
            e.utf8_error().valid_up_to()
        )
    })
}

fn geoparse(file: Option<std::path::PathBuf>, hint: Option<&str>) -> anyhow::Result<ExitCode> {
    let text = read_text(file.as_deref())?;
    let gazetteer = load_gazetteer()?;
    let hint = hint_context(&gazetteer, hint.unwrap_or_default())?;
    let mentions = geoparse_with_context(&gazetteer, &text, &hint)?;
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, &mentions)?;
    writeln!(out)?;
    Ok(ExitCode::SUCCESS)
}

fn ingest(
    file: Option<PathBuf>,
    published: Option<chrono::NaiveDate>,
    source_url: Option<String>,
    hint: Option<&str>,
    db: &DbTarget,
) -> anyhow::Result<ExitCode> {
    let gazetteer = load_gazetteer()?;
    let article = Article {
        text: read_text(file.as_deref())?,
        published: published.unwrap_or_else(|| chrono::Utc::now().date_naive()),
        source_url,
        hint: hint_context(&gazetteer, hint.unwrap_or_default())?,
    };
    let store = open_store(db)?;
    let outcome = incident_atlas::ingest::ingest(store.as_ref(), &gazetteer, &article)?;
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, &outcome.feature_collection())?;
    writeln!(out)?;
    if outcome.is_unchanged() {
        eprintln!(
            "nothing new was stored: {} incidents of this article are already in {}",
            outcome.unchanged, db
        );
    } else {
        eprintln!(
            "stored {} new incidents and added this article to {} others in {}",
            outcome.stored.len(),
            outcome.merged.len(),
            db
        );
    }
    if outcome.unplaced > 0 {
        eprintln!(
            "skipped {} incidents the article does not locate",
            outcome.unplaced
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn open_store(db: &DbTarget) -> anyhow::Result<Arc<dyn IncidentStore>> {
    Ok(db.open()?)
}

fn serve(
    addr: String,
    db: &DbTarget,
    max_body: usize,
    token: Option<String>,
    tiles: TileConfig,
    security: SecurityConfig,
) -> anyhow::Result<ExitCode> {
    let store = open_store(db)?;
    let state = AppState {
        gazetteer: load_gazetteer()?,
        store: store.clone(),
        access: WriteAccess::new(token),
        max_body,
        tiles,
    };
    let config = ServerConfig {
        addr: addr.clone(),
        security,
    };
    let served: anyhow::Result<()> = actix_web::rt::System::new().block_on(async move {
        let (server, addrs) =
            http::bind(state, &config).with_context(|| format!("cannot listen on {addr}"))?;
        for a in &addrs {
            println!("listening on http://{a}");
        }
        std::io::stdout().flush()?;
        server.await.context("server stopped with an error")
    });
    // Requests in flight have finished (graceful stop on SIGTERM): leave one clean file.
    store
        .checkpoint()
        .with_context(|| format!("closing the database {db}"))?;
    served?;
    tracing::info!("stopped; database {db} closed cleanly");
    Ok(ExitCode::SUCCESS)
}

fn import_file(file: &Path, db: &DbTarget) -> anyhow::Result<ExitCode> {
    let format = match file.extension().and_then(|e| e.to_str()) {
        Some(e) if e.eq_ignore_ascii_case("csv") => Format::Csv,
        _ => Format::GeoJson,
    };
    let input =
        std::fs::File::open(file).with_context(|| format!("cannot open {}", file.display()))?;
    let size = input.metadata().map(|m| m.len()).unwrap_or(0);
    let progress =
        ProgressBar::new(size).with_style(ProgressStyle::with_template(PROGRESS_TEMPLATE)?);
    let store = open_store(db)?;
    let gazetteer = load_gazetteer()?;
    store.begin_bulk_load()?;
    let stored = import(
        store.as_ref(),
        &gazetteer,
        format,
        std::io::BufReader::new(progress.wrap_read(input)),
    )
    .with_context(|| format!("importing {}", file.display()))?;
    store.end_bulk_load()?;
    progress.finish_and_clear();
    eprintln!("imported {stored} incidents into {db}");
    Ok(ExitCode::SUCCESS)
}

fn export(format: &str, db: &DbTarget) -> anyhow::Result<ExitCode> {
    let format: Format = format.parse()?;
    if !db.exists() {
        bail!("there is no database at {db}");
    }
    let store = open_store(db)?;
    let out = BufWriter::new(std::io::stdout().lock());
    write_selection(store.as_ref(), &Filter::default(), format, out)?;
    Ok(ExitCode::SUCCESS)
}

fn generate(count: u64, seed: u64, format: &str) -> anyhow::Result<ExitCode> {
    let format: Format = format.parse()?;
    let gazetteer = load_gazetteer()?;
    let incidents = incident_atlas::synthetic::Generator::new(&gazetteer, seed)?;
    let out = BufWriter::new(std::io::stdout().lock());
    let count = usize::try_from(count).context("--count is too large for this machine")?;
    write_incidents(incidents.take(count), format, out)?;
    Ok(ExitCode::SUCCESS)
}

fn migrate(from: &DbTarget, to: &DbTarget) -> anyhow::Result<ExitCode> {
    if !from.exists() {
        bail!("there is no database at {from}");
    }
    let source = open_store(from)?;
    let destination = open_store(to)?;
    let total = source.count(&Filter::default())?;
    let progress =
        ProgressBar::new(total).with_style(ProgressStyle::with_template(MIGRATE_TEMPLATE)?);
    let (source_sum, destination_sum) = copy_all(source.as_ref(), destination.as_ref(), &mut |n| {
        progress.set_position(n)
    })
    .with_context(|| format!("migrating {from} to {to}"))?;
    progress.finish_and_clear();
    println!("source      {from}: {source_sum}");
    println!("destination {to}: {destination_sum}");
    println!("verified: {} incidents copied losslessly", source_sum.count);
    Ok(ExitCode::SUCCESS)
}
