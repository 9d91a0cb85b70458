//! `server [serve|check|preview] [--content DIR]`
//!
//! - `serve` (default): check and render the content, then serve the site. Saved
//!   changes to the content are picked up; content with errors is never served.
//! - `check`: check the content, print every problem, and exit non-zero if any.
//! - `safezones todo [--csv FILE]`: the Safe Zone sheet with the rows needing work
//!   first, each with a TO DO note, to fill in and save back as `safezones.csv`.
//! - `preview`: serve for editors: pages reload after a save and show the content's
//!   errors in a box.

use server::http::{app_live, AppState, Live};
use server::reload::Reloader;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

const USAGE: &str = "Usage: server [serve|check [--translations]|preview|export DIR|sizes [--check]|safezones todo [--csv FILE]|safezones fixture N|stories keygen --out FILE|stories export --identity FILE [--csv]|stories purge] [--content DIR]\n\n  serve     check the content, then serve the site (default)\n  check     check the content and list every problem (--translations: what each language has translated)\n  preview   serve for editors: pages reload after a save and show content errors\n  export    write the whole site to DIR for any static host\n  sizes     print what each page and asset weighs, and the budgets (--check: fail when over)\n  safezones todo   write the Safe Zone sheet with the rows that need work first (--csv FILE: to FILE)\n  safezones fixture N   write a sheet of N made-up Safe Zones for benchmarks (never content)\n  stories keygen --out FILE   make the team's key: the secret into FILE, the public key printed\n  stories export --identity FILE [--csv]   every story, opened with the team's key, as markdown (or CSV)\n  stories purge   delete stories kept longer than [stories] keep_months\n\n  --content DIR   the content folder (default: $SITE_CONTENT_DIR, else ./content, else the content folder beside this program)";

#[derive(Clone, PartialEq, Eq)]
enum Command {
    Serve,
    Check,
    /// The check, then what each language has translated and what it lacks.
    CheckTranslations,
    Preview,
    /// Write the static export into this folder.
    Export(PathBuf),
    /// Print the size table and the budgets; `true`: fail when over a budget.
    Sizes(bool),
    /// Write the Safe Zone sheet with the rows needing work first, to a file or stdout.
    SafezonesTodo(Option<PathBuf>),
    /// Write a sheet of this many made-up Safe Zones, for benchmarks, to stdout.
    SafezonesFixture(usize),
    /// The team's story commands.
    Stories(Stories),
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Stories {
    Keygen(PathBuf),
    /// The identity file, and whether to write CSV instead of markdown.
    Export(PathBuf, bool),
    Purge,
}

fn main() -> ExitCode {
    // A panic's message could hold something a visitor sent: log only where it was.
    std::panic::set_hook(Box::new(|info| {
        let place = info
            .location()
            .map(|at| format!("{}:{}", at.file(), at.line()))
            .unwrap_or_default();
        eprintln!("panic at {place}");
    }));
    let mut command = Command::Serve;
    let mut content =
        std::env::var_os("SITE_CONTENT_DIR").map_or_else(default_content_dir, PathBuf::from);
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "serve" => command = Command::Serve,
            "check" => command = Command::Check,
            "preview" => command = Command::Preview,
            "export" => match args.next() {
                Some(dir) => command = Command::Export(PathBuf::from(dir)),
                None => return usage_error("export needs a folder to write to"),
            },
            "sizes" => command = Command::Sizes(false),
            "safezones" => match args.next().as_deref() {
                Some("todo") => command = Command::SafezonesTodo(None),
                Some("fixture") => match args.next().and_then(|n| n.parse().ok()) {
                    Some(count) => command = Command::SafezonesFixture(count),
                    None => {
                        return usage_error("safezones fixture needs how many places, such as 5000")
                    }
                },
                _ => return usage_error("safezones needs what to do: safezones todo"),
            },
            "--csv" if command == Command::SafezonesTodo(None) => match args.next() {
                Some(file) => command = Command::SafezonesTodo(Some(PathBuf::from(file))),
                None => return usage_error("--csv needs a file to write"),
            },
            "stories" => match (args.next().as_deref(), args.next()) {
                (Some("keygen"), Some(flag)) if flag == "--out" => match args.next() {
                    Some(file) => command = Command::Stories(Stories::Keygen(PathBuf::from(file))),
                    None => {
                        return usage_error("stories keygen --out needs a file for the secret key")
                    }
                },
                (Some("export"), Some(flag)) if flag == "--identity" => match args.next() {
                    Some(file) => {
                        command = Command::Stories(Stories::Export(PathBuf::from(file), false))
                    }
                    None => {
                        return usage_error("stories export --identity needs the team's key file")
                    }
                },
                (Some("purge"), None) => command = Command::Stories(Stories::Purge),
                _ => {
                    return usage_error(
                        "stories needs: keygen --out FILE, export --identity FILE, or purge",
                    )
                }
            },
            "--csv" if matches!(command, Command::Stories(Stories::Export(_, false))) => {
                if let Command::Stories(Stories::Export(file, _)) = &command {
                    command = Command::Stories(Stories::Export(file.clone(), true));
                }
            }
            "--check" if command == Command::Sizes(false) => command = Command::Sizes(true),
            "--translations" if command == Command::Check => command = Command::CheckTranslations,
            "--content" => match args.next() {
                Some(dir) => content = PathBuf::from(dir),
                None => return usage_error("--content needs a folder"),
            },
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            other => return usage_error(&format!("unknown argument {other:?}")),
        }
    }
    if let Command::SafezonesTodo(out) = &command {
        return safezones_todo(&content, out.as_deref());
    }
    if let Command::Stories(Stories::Keygen(out)) = &command {
        return match server::stories::cli::keygen(out) {
            Ok(public) => {
                println!("The secret key is in {}. Keep it on the team's computers only.\nPut this public key in content/site.toml under [stories]:\n\nrecipients = [\"{public}\"]", out.display());
                ExitCode::SUCCESS
            }
            Err(problem) => {
                eprintln!("{problem}");
                ExitCode::FAILURE
            }
        };
    }
    if let Command::Stories(Stories::Export(identity, csv)) = &command {
        return stories_export(identity, *csv);
    }
    if let Command::SafezonesFixture(count) = command {
        return match server::fixture::sheet(&content, count, 1) {
            Ok(sheet) => {
                print!("{sheet}");
                ExitCode::SUCCESS
            }
            Err(problem) => {
                eprintln!("Could not make the fixture: {problem}");
                ExitCode::FAILURE
            }
        };
    }
    let (site, report) = server::content::check(&content, server::content::today());
    let site = match site {
        Some(site) if report.is_empty() || command == Command::Preview => site,
        _ => {
            eprintln!("{report}");
            if let Some(warnings) = report.warnings_text() {
                eprintln!("{warnings}");
            }
            return ExitCode::FAILURE;
        }
    };
    if let Some(warnings) = report.warnings_text() {
        eprintln!("{warnings}");
    }
    match command {
        Command::CheckTranslations => {
            print!("{}", server::content::translations_report(&site));
            ExitCode::SUCCESS
        }
        Command::Check => {
            println!(
                "The content check passed: {} pages, {} sections and {} places, no problems.",
                site.pages.len(),
                site.sections.len(),
                site.locator.places.len()
            );
            let to_do = server::content::needing_location(&site.locator);
            if !to_do.is_empty() {
                println!(
                    "\nTo do: {} Safe Zones still need a real location (a postcode from the venue):",
                    to_do.len()
                );
                for item in to_do {
                    println!("  - {item}");
                }
            }
            ExitCode::SUCCESS
        }
        Command::Serve => serve(site, content, None),
        Command::Export(out) => export(&site, &out, &content),
        Command::Sizes(check) => sizes(&site, check),
        Command::Stories(Stories::Purge) => stories_purge(&site),
        Command::SafezonesTodo(_) | Command::SafezonesFixture(_) | Command::Stories(_) => {
            ExitCode::SUCCESS
        }
        Command::Preview => {
            let errors = (!report.is_empty()).then(|| report.to_string());
            if let Some(errors) = &errors {
                eprintln!("{errors}");
            }
            serve(site, content, Some(errors))
        }
    }
}

/// `safezones todo`: the sheet with the rows needing work first, for the officers.
fn safezones_todo(content: &std::path::Path, out: Option<&std::path::Path>) -> ExitCode {
    let (sheet, count) = match server::content::safezones_todo(content, server::content::today()) {
        Ok(done) => done,
        Err(report) => {
            eprintln!("{report}");
            return ExitCode::FAILURE;
        }
    };
    match out {
        None => print!("{sheet}"),
        Some(file) => {
            if let Err(error) = std::fs::write(file, &sheet) {
                eprintln!("Could not write {}: {error}", file.display());
                return ExitCode::FAILURE;
            }
            eprintln!(
                "{count} Safe Zones need work; they are first in {}, each with a TO DO note.\nFill it in (or send it to the crime prevention officers), then save it as safezones.csv in the content folder and run the check.",
                file.display()
            );
        }
    }
    ExitCode::SUCCESS
}

/// The rendered site and the built assets, for export and sizes.
fn built(
    site: &app::model::Site,
) -> Option<(
    server::render::RenderedSite,
    server::assets::Assets,
    leptos::config::LeptosOptions,
)> {
    let options = server::leptos_options();
    match server::assets::site_assets(&options) {
        Ok(assets) => {
            let (assets, options) = server::assets::fingerprinted(&assets, &options);
            let css = server::assets::stylesheet(&assets, &options);
            let rendered = server::render::render_site(site, &options, &css);
            // The export and the size table need every brotli form.
            let mut bodies = rendered.bodies();
            bodies.extend(assets.values().cloned());
            server::encoded::Encoded::finish(bodies);
            Some((rendered, assets, options))
        }
        Err(error) => {
            eprintln!(
                "could not read the built assets in {}: {error}",
                options.site_root
            );
            None
        }
    }
}

fn export(site: &app::model::Site, out: &std::path::Path, content: &std::path::Path) -> ExitCode {
    let Some((rendered, assets, options)) = built(site) else {
        return ExitCode::FAILURE;
    };
    match server::export::export(site, &rendered, &assets, &options, out) {
        Ok(done) => {
            println!(
                "Exported {} pages and {} assets ({} files) to {}. Searching without JavaScript needs the server; everything else works from any static host.",
                done.pages,
                done.assets,
                done.files,
                out.display()
            );
            // The editing desk shows what changed since this.
            if let Err(error) = server::desk::record_publish(content) {
                eprintln!("The export is done, but the copy of what was published could not be kept ({error}): the desk cannot show what changed since.");
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("could not write the export to {}: {error}", out.display());
            ExitCode::FAILURE
        }
    }
}

fn sizes(site: &app::model::Site, check: bool) -> ExitCode {
    let Some((rendered, assets, _)) = built(site) else {
        return ExitCode::FAILURE;
    };
    print!(
        "{}",
        server::sizes::format_table(&server::sizes::table(site, &rendered, &assets))
    );
    let budgets = server::sizes::budgets(&rendered, &assets);
    println!("\nBudgets (brotli bytes):");
    print!("{}", server::sizes::format_budgets(&budgets));
    if check && budgets.iter().any(|b| !b.kept()) {
        eprintln!("\nOver budget.");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

/// `./content` where there is one; otherwise the `content` folder beside the program,
/// so the editors' program works when started from any folder.
fn default_content_dir() -> PathBuf {
    let here = PathBuf::from("content");
    if here.is_dir() {
        return here;
    }
    std::env::current_exe()
        .ok()
        .and_then(|program| Some(program.parent()?.join("content")))
        .filter(|beside| beside.is_dir())
        .unwrap_or(here)
}

fn usage_error(problem: &str) -> ExitCode {
    eprintln!("{problem}\n\n{USAGE}");
    ExitCode::from(2)
}

/// Serves the site; `preview` holds the content errors to show when previewing.
fn serve(site: app::model::Site, content: PathBuf, preview: Option<Option<String>>) -> ExitCode {
    let options = server::leptos_options();
    let assets = match server::assets::site_assets(&options) {
        Ok(assets) => assets,
        Err(error) => {
            eprintln!(
                "could not read the built assets in {}: {error}",
                options.site_root
            );
            return ExitCode::FAILURE;
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("could not start: {error}");
            return ExitCode::FAILURE;
        }
    };
    let keep_months = site.settings.stories.as_ref().map(|s| s.keep_months);
    let store = keep_months.and_then(|_| runtime.block_on(open_story_store()));
    // Answers with gzip at once; brotli forms follow within seconds.
    let state = Arc::new(
        AppState::serving_at_once(site, assets.clone(), options.clone())
            .with_story_store(store.clone()),
    );
    eprintln!(
        "rendered {} pages and loaded {} assets into memory",
        state.site.pages.len(),
        state.assets.len()
    );
    let live = Arc::new(match &preview {
        Some(_) => Live::preview(state),
        None => Live::new(state),
    });
    if let Some(errors) = preview.clone().flatten() {
        live.set_errors(Some(errors));
    }
    // The editing desk: in preview only, and only when no other computer can reach it.
    let desk = match (&preview, options.site_addr.ip().is_loopback()) {
        (Some(_), true) => {
            let css = live.current().find.css.clone();
            Some(Arc::new(server::desk::Desk::new(content.clone(), &css)))
        }
        (Some(_), false) => {
            eprintln!(
                "The editing desk is off: it only runs when the preview listens on 127.0.0.1."
            );
            None
        }
        (None, _) => None,
    };
    let reloader = Reloader {
        dir: content,
        live: live.clone(),
        assets,
        options: options.clone(),
    };
    let poll_every = if preview.is_some() {
        std::time::Duration::from_millis(500)
    } else {
        std::time::Duration::from_secs(2)
    };
    runtime.block_on(async move {
        let listener = match tokio::net::TcpListener::bind(options.site_addr).await {
            Ok(listener) => listener,
            Err(error) => {
                eprintln!("could not listen on {}: {error}", options.site_addr);
                return ExitCode::FAILURE;
            }
        };
        if preview.is_some() {
            eprintln!(
                "preview on http://{} : pages reload after you save, and show any content problems",
                options.site_addr
            );
            if desk.is_some() {
                eprintln!("editing desk on http://{}/_desk", options.site_addr);
            }
        } else {
            eprintln!("listening on http://{}", options.site_addr);
        }
        tokio::spawn(reloader.watch(poll_every));
        if let (Some(store), Some(keep_months)) = (store, keep_months) {
            tokio::spawn(purge_daily(store, keep_months));
        }
        let router = match desk {
            Some(desk) => server::http::app_with_routes(
                live,
                server::http::limits::RequestLimits::default(),
                server::desk::routes(desk),
            ),
            None => app_live(live),
        };
        server::http::listen::serve(
            listener,
            router,
            server::http::listen::ConnectionLimits::default(),
            shutdown_signal(),
        )
        .await;
        server::http::flush_log();
        eprintln!("stopped");
        ExitCode::SUCCESS
    })
}

/// The story store: `DATABASE_URL`, else SQLite in `SITE_DATA_DIR` (default `data`).
/// A store that cannot be opened is logged in fixed words (an address could hold a
/// password) and the form asks people to try again later, keeping what they wrote.
async fn open_story_store() -> Option<Arc<server::stories::store::Store>> {
    let data_dir =
        std::env::var_os("SITE_DATA_DIR").map_or_else(|| PathBuf::from("data"), PathBuf::from);
    let url = server::stories::store::address(std::env::var("DATABASE_URL").ok(), &data_dir);
    match server::stories::store::Store::open(&url).await {
        Ok(store) => Some(Arc::new(store)),
        Err(_) => {
            eprintln!("stories: the store could not be opened; the form asks people to try later");
            None
        }
    }
}

/// `stories export`: every story opened with the team's key, as markdown on stdout.
fn stories_export(identity: &std::path::Path, csv: bool) -> ExitCode {
    let identity = match server::stories::cli::read_identity(identity) {
        Ok(identity) => identity,
        Err(problem) => {
            eprintln!("{problem}");
            return ExitCode::FAILURE;
        }
    };
    with_store(|store| async move {
        let exported = if csv {
            server::stories::cli::export_csv(&store, &identity).await
        } else {
            server::stories::cli::export(&store, &identity).await
        };
        match exported {
            Ok(text) => {
                print!("{text}");
                ExitCode::SUCCESS
            }
            Err(problem) => {
                eprintln!("Could not read the stories: {problem}");
                ExitCode::FAILURE
            }
        }
    })
}

/// `stories purge`: deletes stories past the keeping time in site.toml.
fn stories_purge(site: &app::model::Site) -> ExitCode {
    let Some(keep_months) = site.settings.stories.as_ref().map(|s| s.keep_months) else {
        eprintln!("site.toml has no [stories]: there are no stories to purge.");
        return ExitCode::FAILURE;
    };
    with_store(|store| async move {
        match server::stories::cli::purge(&store, keep_months, server::http::now_ms()).await {
            Ok(count) => {
                println!("Deleted {count} stories kept longer than {keep_months} months.");
                ExitCode::SUCCESS
            }
            Err(problem) => {
                eprintln!("Could not purge: {problem}");
                ExitCode::FAILURE
            }
        }
    })
}

/// Runs `work` with the story store, on a small runtime of its own.
fn with_store<F, Fut>(work: F) -> ExitCode
where
    F: FnOnce(Arc<server::stories::store::Store>) -> Fut,
    Fut: std::future::Future<Output = ExitCode>,
{
    let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    else {
        eprintln!("could not start");
        return ExitCode::FAILURE;
    };
    runtime.block_on(async move {
        match open_story_store().await {
            Some(store) => work(store).await,
            None => ExitCode::FAILURE,
        }
    })
}

/// Deletes stories past their keeping time, at start and then every day.
async fn purge_daily(store: Arc<server::stories::store::Store>, keep_months: u32) {
    loop {
        let now = server::http::now_ms();
        if let Ok(count) = server::stories::cli::purge(&store, keep_months, now).await {
            if count > 0 {
                eprintln!("stories: deleted {count} past their keeping time");
            }
        }
        tokio::time::sleep(std::time::Duration::from_secs(24 * 60 * 60)).await;
    }
}

/// Resolves on Ctrl-C or SIGTERM, so in-flight requests can finish.
async fn shutdown_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
    eprintln!("shutting down");
}
