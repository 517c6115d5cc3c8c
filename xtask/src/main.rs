//! Build tasks for Local or Cloud: `cargo xtask serve | dist | test | e2e | serve-dist | mock-cloud | bench | calibrate | cpu-quota | screenshots | docs-sites | refresh-data | post-build | precache`.

mod bench;
mod build_cache;
mod calibrate;
mod cpu_quota;
mod docs_sites;
mod fleet_data;
mod import_names;
mod minify;
mod minify_css;
mod mock_cloud;
mod mock_fixtures;
mod mock_plan;
mod precache;
mod prerender;
mod process;
mod refresh_data;
mod site_files;
mod site_server;
mod sizes;
mod static_server;
mod tally;
mod test;
mod tools;

use anyhow::{bail, Result};

const USAGE: &str = "usage: cargo xtask <command>

commands:
  serve        install what is missing, build, and serve the app on http://127.0.0.1:8080
  dist         release build into dist/ and the size report (fails over the app budget)
  test         every check and test layer, ending with one 'N passed, M failed' line
  e2e [ARGS]   only the end-to-end tests, against the existing dist/ (ARGS go to Playwright)
  serve-dist   serve an existing dist/ on loopback, as the end-to-end tests see it
  mock-cloud   an OpenAI-compatible test server on http://127.0.0.1:8090/v1 (failure switches)
  bench        sizes, start-up and inference beside onnxruntime-web; a table and target/bench.json
  calibrate [--runs N] [--wasm-runs N]
               the page's speed estimates beside llama.cpp natively and in wasm (random-weight GGUF); target/calibrate.json
  cpu-quota    Measure this device, free and under a quarter-CPU cgroup (needs dist/ and a writable cgroup)
  screenshots  release build, then README's pictures (desktop and phone, light and dark) into static/screenshots/
  docs-sites [--serve]
               MkDocs Material, Sphinx (furo) and mdBook sites embedding the existing dist/; the embed's figures
  refresh-data static/data/prices.json and models.json from the pinned genai-prices and WebLLM
  fleet-data   static/data/fleet.json from the dated public distributions in xtask/data/fleet_sources.json
  post-build   Trunk's post_build hook: the prerendered first screen into index.html, then precache
  precache     write the service worker's file list (into DIR, else Trunk's staging directory)";

fn main() {
    if let Err(error) = run() {
        eprintln!("xtask: {error:#}");
        std::process::exit(1);
    }
}

fn run() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = tools::project_root()?;
    std::env::set_current_dir(&root)?;
    tools::put_tools_on_path(&root);
    match args.first().map(String::as_str) {
        Some("serve") => {
            tools::ensure_build_tools(&root)?;
            println!("Local or Cloud will be served at http://127.0.0.1:8080/ once it is built.");
            process::run("trunk", &["serve", "--open=false"])
        }
        Some("dist") => {
            tools::ensure_build_tools(&root)?;
            release_build()?;
            let report = sizes::report(&root.join("dist"))?;
            report.print();
            report.write_json(&tools::target_dir(&root)?.join("size-report.json"))?;
            report.check_budget()
        }
        Some("test") => test::run_all(&root),
        Some("e2e") => test::end_to_end_only(&root, &args[1..]),
        Some("bench") => bench::run(&root),
        Some("calibrate") => calibrate::run(&root, &args[1..]),
        Some("cpu-quota") => cpu_quota::run(&root),
        Some("docs-sites") => docs_sites::run(&root, args.get(1).is_some_and(|a| a == "--serve")),
        Some("screenshots") => {
            tools::ensure_build_tools(&root)?;
            tools::ensure_test_tools(&root)?;
            release_build()?;
            let app = static_server::StaticServer::start(root.join("dist"), 0)?;
            let out = root.join("static/screenshots");
            std::fs::create_dir_all(&out)?;
            process::run_in(
                &root.join("tests/e2e"),
                "node",
                &["bench/screenshots.js", &app.url(), &out.to_string_lossy()],
            )
        }
        Some("refresh-data") => refresh_data::run(&root),
        Some("fleet-data") => fleet_data::run(&root),
        Some("post-build") => prerender::post_build(),
        Some("precache") => precache::run(&args[1..]),
        Some("mock-cloud") => {
            let port = args.get(1).and_then(|p| p.parse().ok()).unwrap_or(8090);
            let server = mock_cloud::MockCloud::start(port)?;
            println!(
                "An OpenAI-compatible test server at {} (key {}, model mock-model; Ctrl-C to stop)",
                server.url(),
                mock_cloud::KEY
            );
            loop {
                std::thread::park();
            }
        }
        Some("serve-dist") => {
            let port = args.get(1).and_then(|p| p.parse().ok()).unwrap_or(8081);
            let server = static_server::StaticServer::start(root.join("dist"), port)?;
            println!("Serving dist/ at {} (Ctrl-C to stop)", server.url());
            server.wait();
            Ok(())
        }
        Some("help" | "--help" | "-h") | None => {
            println!("{USAGE}");
            Ok(())
        }
        Some(other) => bail!("unknown command '{other}'\n\n{USAGE}"),
    }
}

/// The release build Trunk makes into dist/; Trunk runs offline, so dependencies are fetched first.
pub fn release_build() -> Result<()> {
    process::run("cargo", &["fetch", "--quiet"])?;
    process::run("trunk", &["build", "--release"])
}

/// The release build as a test step: it passes or fails.
pub fn release_build_ok() -> Result<bool> {
    release_build().map(|()| true)
}
