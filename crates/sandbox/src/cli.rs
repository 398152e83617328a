//! Command-line options.

use std::net::SocketAddr;
use std::path::PathBuf;

use crate::faults::Fault;

pub const USAGE: &str = "\
sandbox: reference backend of the cVortex case-details contract

USAGE: sandbox [OPTIONS]

  --addr ADDR             listen address (default 127.0.0.1:8080)
  --db FILE               SQLite file (default .sandbox/sandbox.db); its data is kept across restarts
  --dist DIR              the built app to serve (default dist)
  --data FILE             load this data set (format: docs/sandbox-data.md)
  --generate N            load the demo data plus five cases with N items per tab (benchmarks)
  --reset                 reload the data set even if the file already holds one
  --faults                enable fault injection and the /__sandbox test controls (they need
                          the header X-Sandbox-Token: the token printed at start, or
                          $SANDBOX_ADMIN_TOKEN when set)
  --fault ROUTE:SPEC      inject a fault from the start (implies --faults), e.g. calls:500,times=1
  --frame-ancestors SRC   CSP frame-ancestors (default 'self')
  --undo-window-secs N    how long a unification can be undone (default 600)
  --heartbeat-ms N        how often an idle event stream sends a heartbeat (default 15000)
  --demo-activity SECS    the demo case #1001 gets a customer WhatsApp message every SECS seconds
                          (default 60 with the demo data and without --faults; 0 switches it off)
  --print-openapi         print api/openapi.yaml generated from the contract types, and exit
  --print-demo            print the demo data set as JSON, and exit
  -h, --help              this text
";

/// Which data set to load.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    Demo,
    File(PathBuf),
    Generate(u32),
}

impl Source {
    /// Recorded in the file, to notice when a different data set is asked for.
    pub fn label(&self) -> String {
        match self {
            Source::Demo => "demo".into(),
            Source::File(p) => format!("file:{}", p.display()),
            Source::Generate(n) => format!("generate:{n}"),
        }
    }
}

#[derive(Clone, Debug)]
pub struct Options {
    pub addr: SocketAddr,
    pub db: PathBuf,
    pub dist: PathBuf,
    pub source: Source,
    pub reset: bool,
    pub faults: bool,
    pub initial_faults: Vec<Fault>,
    pub frame_ancestors: String,
    pub undo_window_secs: u64,
    pub heartbeat_ms: u32,
    /// Seconds between the demo's live messages; `None`: the default for the data set.
    pub demo_activity_secs: Option<u64>,
    pub print_openapi: bool,
    pub print_demo: bool,
    pub help: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            db: PathBuf::from(".sandbox/sandbox.db"),
            dist: PathBuf::from("dist"),
            source: Source::Demo,
            reset: false,
            faults: false,
            initial_faults: Vec::new(),
            frame_ancestors: "'self'".into(),
            undo_window_secs: 600,
            heartbeat_ms: 15_000,
            demo_activity_secs: None,
            print_openapi: false,
            print_demo: false,
            help: false,
        }
    }
}

impl Options {
    pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Options, String> {
        let mut o = Options::default();
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
            match arg.as_str() {
                "--addr" => o.addr = value("--addr")?.parse().map_err(|e| format!("--addr: {e}"))?,
                "--db" => o.db = value("--db")?.into(),
                "--dist" => o.dist = value("--dist")?.into(),
                "--data" => o.source = Source::File(value("--data")?.into()),
                "--generate" => {
                    let n: u32 = value("--generate")?.parse().map_err(|e| format!("--generate: {e}"))?;
                    o.source = Source::Generate(n);
                }
                "--reset" => o.reset = true,
                "--faults" => o.faults = true,
                "--fault" => {
                    o.initial_faults.push(Fault::parse(&value("--fault")?)?);
                    o.faults = true;
                }
                "--frame-ancestors" => {
                    o.frame_ancestors = value("--frame-ancestors")?;
                    if !crate::web::valid_frame_ancestors(&o.frame_ancestors) {
                        return Err(format!(
                            "--frame-ancestors: {:?} is not a CSP source list ('self', 'none', https:, https://host, *.host)",
                            o.frame_ancestors
                        ));
                    }
                }
                "--undo-window-secs" => {
                    o.undo_window_secs = value("--undo-window-secs")?
                        .parse()
                        .map_err(|e| format!("--undo-window-secs: {e}"))?
                }
                "--heartbeat-ms" => {
                    o.heartbeat_ms = value("--heartbeat-ms")?
                        .parse()
                        .ok()
                        .filter(|ms| (50..=60_000).contains(ms))
                        .ok_or("--heartbeat-ms: a number of milliseconds from 50 to 60000")?
                }
                "--demo-activity" => {
                    o.demo_activity_secs = Some(
                        value("--demo-activity")?
                            .parse()
                            .map_err(|e| format!("--demo-activity: {e}"))?,
                    )
                }
                "--print-openapi" => o.print_openapi = true,
                "--print-demo" => o.print_demo = true,
                "-h" | "--help" => o.help = true,
                other => return Err(format!("unknown option {other:?} (see --help)")),
            }
        }
        Ok(o)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Options, String> {
        Options::parse(args.iter().map(|s| s.to_string()))
    }

    #[test]
    fn parses_options() {
        let o = parse(&["--generate", "1000", "--fault", "calls:500", "--addr", "127.0.0.1:9000"]).unwrap();
        assert_eq!(o.source, Source::Generate(1000));
        assert!(o.faults);
        assert_eq!(o.initial_faults.len(), 1);
        assert_eq!(o.addr.port(), 9000);
        assert!(parse(&["--bogus"]).is_err());
        assert!(parse(&["--generate"]).is_err());
        assert!(parse(&["--generate", "x"]).is_err());
    }

    #[test]
    fn a_frame_ancestors_value_that_is_not_a_source_list_stops_the_start() {
        for good in [
            "'self'",
            "'none'",
            "https://shell.example.com",
            "'self' https://*.example.com:8443",
            "https:",
            "http://127.0.0.1:8080/app/",
        ] {
            assert_eq!(parse(&["--frame-ancestors", good]).unwrap().frame_ancestors, good);
        }
        // a `;` would start a new directive; `'none'` with others, bare words, quotes, control characters
        for bad in [
            "'self'; script-src *",
            "",
            "   ",
            "'none' 'self'",
            "'unsafe-inline'",
            "https://a.com,https://b.com",
            "self",
            "'self'\n",
            "https://example.com\u{7}",
            "http://a.com/'x'",
        ] {
            assert!(parse(&["--frame-ancestors", bad]).is_err(), "{bad:?} was accepted");
        }
    }
}
