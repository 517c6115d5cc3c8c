//! Keeps the build cache from filling the disk: cargo never removes the test binaries of old commits.

use std::path::Path;

use anyhow::Result;

/// Above this a profile's output is mostly stale binaries: one cold run of `cargo xtask test` leaves
/// about 10 GB in `debug`, a warm CI cache had reached 21 GB after a few weeks of commits, and a full
/// disk failed a CI run with nothing but "no space left". A cap under one run's output would empty
/// the cache every run (each then six minutes slower).
const PROFILE_CAP_BYTES: u64 = 16 << 30;

/// The profiles the tests build natively; the wasm and release output stays small and is kept.
const PRUNED_PROFILES: &[&str] = &["debug"];

/// Empties each native profile directory that has grown past the cap, so the next build starts cold
/// (about three minutes more) instead of failing on a full disk halfway through.
pub fn prune(target: &Path) -> Result<()> {
    prune_over(target, PROFILE_CAP_BYTES)
}

fn prune_over(target: &Path, cap: u64) -> Result<()> {
    for profile in PRUNED_PROFILES {
        let dir = target.join(profile);
        let bytes = size_of(&dir);
        if bytes > cap {
            eprintln!(
                "build cache: {} holds {:.1} GB (cap {:.0} GB); emptying it, this build starts cold",
                dir.display(),
                gigabytes(bytes),
                gigabytes(cap)
            );
            remove_all_but_running(&dir)?;
        }
    }
    Ok(())
}

/// Empties `dir` except for the running xtask binary, which `cargo xtask` runs from `debug/` and
/// which later steps start again by its path (the PWA test's redeploy runs `xtask precache`).
fn remove_all_but_running(dir: &Path) -> Result<()> {
    let running = std::env::current_exe().and_then(std::fs::canonicalize).ok();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if std::fs::canonicalize(&path).ok() == running {
            continue;
        }
        if std::fs::symlink_metadata(&path)?.is_dir() {
            std::fs::remove_dir_all(&path)?;
        } else {
            std::fs::remove_file(&path)?;
        }
    }
    Ok(())
}

fn gigabytes(bytes: u64) -> f64 {
    bytes as f64 / f64::from(1u32 << 30)
}

/// The bytes of every file under `path`, not following symbolic links; an unreadable entry counts 0.
fn size_of(path: &Path) -> u64 {
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return 0;
    };
    if !meta.is_dir() {
        return meta.len();
    }
    std::fs::read_dir(path)
        .map(|entries| entries.flatten().map(|e| size_of(&e.path())).sum())
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_profile_over_the_cap_is_emptied_and_one_under_it_kept() {
        let target = std::env::temp_dir().join(format!("xtask-build-cache-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&target);
        let debug = target.join("debug");
        std::fs::create_dir_all(debug.join("deps/nested")).unwrap();
        std::fs::write(debug.join("deps/one"), [0u8; 10]).unwrap();
        std::fs::write(debug.join("deps/nested/two"), [0u8; 32]).unwrap();
        std::fs::write(debug.join("xtask"), [0u8; 1]).unwrap();
        assert_eq!(size_of(&debug), 43);
        assert_eq!(size_of(&target.join("missing")), 0);
        prune_over(&target, 43).unwrap();
        assert_eq!(size_of(&debug), 43, "a profile at the cap is kept");
        prune_over(&target, 42).unwrap();
        assert!(debug.is_dir(), "the profile directory itself stays");
        assert_eq!(std::fs::read_dir(&debug).unwrap().count(), 0);
        std::fs::remove_dir_all(&target).unwrap();
    }
}
