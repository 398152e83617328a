use std::process::ExitCode;
use std::sync::Arc;

use cvortex_sandbox::cli::{Options, Source, USAGE};
use cvortex_sandbox::dataset::DataSet;
use cvortex_sandbox::faults::Faults;
use cvortex_sandbox::state::{now_ms, AppState, Config, Reseed};
use cvortex_sandbox::{db, demo, generate, openapi, router};

fn data_set(source: &Source, now: i64) -> Result<DataSet, String> {
    match source {
        Source::Demo => Ok(demo::data_set(now)),
        Source::Generate(n) => Ok(generate::data_set(now, *n)),
        Source::File(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
            DataSet::from_json(&text)
        }
    }
}

fn seed(conn: &mut rusqlite::Connection, source: &Source) -> Result<(), String> {
    let now = now_ms();
    db::load(conn, &data_set(source, now)?, now)?;
    conn.execute("INSERT OR REPLACE INTO meta VALUES ('source', ?1)", [source.label()])
        .map_err(|e| e.to_string())?;
    Ok(())
}

#[tokio::main]
async fn main() -> ExitCode {
    let opts = match Options::parse(std::env::args().skip(1)) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("sandbox: {e}");
            return ExitCode::from(2);
        }
    };
    if opts.help {
        print!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    if opts.print_openapi {
        print!("{}", openapi::yaml());
        return ExitCode::SUCCESS;
    }
    if opts.print_demo {
        println!(
            "{}",
            serde_json::to_string_pretty(&demo::data_set(now_ms())).expect("the demo data serializes")
        );
        return ExitCode::SUCCESS;
    }
    match run(opts).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("sandbox: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Where the test controls' admin token may be given (tests do); else a random one is printed.
const ADMIN_TOKEN_ENV: &str = "SANDBOX_ADMIN_TOKEN";

async fn run(opts: Options) -> Result<(), String> {
    if let Some(dir) = opts.db.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    let mut conn = db::open(&opts.db).map_err(|e| format!("{}: {e}", opts.db.display()))?;
    let recorded: Option<String> = conn
        .query_row("SELECT value FROM meta WHERE key = 'source'", [], |r| r.get(0))
        .ok();
    let seeded = db::is_seeded(&conn).map_err(|e| e.to_string())?;
    if opts.reset || !seeded || recorded.as_deref() != Some(&opts.source.label()) {
        eprintln!(
            "sandbox: loading the {} data set into {}",
            opts.source.label(),
            opts.db.display()
        );
        seed(&mut conn, &opts.source)?;
    } else {
        eprintln!(
            "sandbox: keeping the data in {} (--reset reloads it)",
            opts.db.display()
        );
    }
    let source = opts.source.clone();
    let reseed: Reseed = Arc::new(move |conn| seed(conn, &source));
    let admin_token = std::env::var(ADMIN_TOKEN_ENV)
        .ok()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| cvortex_sandbox::state::random_hex(16));
    let config = Config {
        admin_token: admin_token.clone(),
        undo_window_ms: opts.undo_window_secs as i64 * 1000,
        frame_ancestors: opts.frame_ancestors.clone(),
        dist: Some(opts.dist.clone()),
        heartbeat_ms: opts.heartbeat_ms,
        ..Config::default()
    };
    if !opts.dist.join("index.html").exists() {
        eprintln!(
            "sandbox: warning: {} has no index.html; build the app (./x run) to serve it",
            opts.dist.display()
        );
    }
    let faults = opts.faults.then(|| Faults::new(opts.initial_faults.clone()));
    if faults.is_some() {
        eprintln!("sandbox: fault injection enabled: /__sandbox takes requests with the header X-Sandbox-Token: {admin_token}");
    }
    let state = AppState::new(conn, config, faults, reseed);
    // a little live activity on the demo case, so a newcomer sees the modal follow it
    let demo_secs = opts
        .demo_activity_secs
        .unwrap_or(if opts.source == Source::Demo && !opts.faults {
            60
        } else {
            0
        });
    if demo_secs > 0 {
        eprintln!(
            "sandbox: demo activity: a customer message on case #1001 every {demo_secs} s (--demo-activity 0 stops it)"
        );
        tokio::spawn(demo_activity(state.clone(), demo_secs));
    }
    let app = router(state);
    let listener = tokio::net::TcpListener::bind(opts.addr)
        .await
        .map_err(|e| format!("{}: {e}", opts.addr))?;
    eprintln!("sandbox: listening on http://{}", opts.addr);
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await
    .map_err(|e| e.to_string())
}

/// Every `secs` seconds, João writes on WhatsApp in case #1001.
async fn demo_activity(state: AppState, secs: u64) {
    const LINES: [&str; 4] = [
        "Oi, alguma novidade sobre o estorno?",
        "Consegui achar o comprovante, posso mandar por aqui?",
        "Obrigado pelo retorno!",
        "Ainda estou aguardando, por favor.",
    ];
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(secs));
    tick.tick().await;
    for n in 0usize.. {
        tick.tick().await;
        let live = state.live.clone();
        let text = LINES[n % LINES.len()];
        let _ = state
            .db(move |conn| {
                let tx = conn.transaction()?;
                let mut out = cvortex_sandbox::activity::Outbox::default();
                cvortex_sandbox::activity::message(&tx, &mut out, 1001, "whatsapp", text, now_ms())?;
                tx.commit()?;
                out.send(&live);
                Ok(())
            })
            .await;
    }
}
