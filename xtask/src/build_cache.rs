//! Keeps the build cache from filling the disk: cargo never removes the test binaries of old commits.

use std::path::Path;

use anyhow::Result;

/// Above this a profile's output is mostly stale binaries: a warm CI cache reached 21 GB in `debug`
/// after a few weeks of commits, and a full disk failed a CI run with nothing but "no space left".
const PROFILE_CAP_BYTES: u64 = 8 << 30;

/// The profiles the tests build natively; the wasm and release output stays small and is kept.
const PRUNED_PROFILES: &[&str] = &["debug"];

/// Removes each native profile directory that has grown past the cap, so the next build starts cold
/// (about three minutes more) instead of failing on a full disk halfway through.
pub fn prune(target: &Path) -> Result<()> {
    for profile in PRUNED_PROFILES {
        let dir = target.join(profile);
        let bytes = size_of(&dir);
        if bytes > PROFILE_CAP_BYTES {
            eprintln!(
                "build cache: {} holds {:.1} GB (cap {:.0} GB); removing it, this build starts cold",
                dir.display(),
                gigabytes(bytes),
                gigabytes(PROFILE_CAP_BYTES)
            );
            std::fs::remove_dir_all(&dir)?;
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
    fn size_counts_files_in_nested_directories_and_a_missing_path_is_empty() {
        let dir = std::env::temp_dir().join(format!("xtask-build-cache-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("a/b")).unwrap();
        std::fs::write(dir.join("one"), [0u8; 10]).unwrap();
        std::fs::write(dir.join("a/b/two"), [0u8; 32]).unwrap();
        assert_eq!(size_of(&dir), 42);
        assert_eq!(size_of(&dir.join("missing")), 0);
        prune(&dir).unwrap();
        assert!(dir.join("one").exists(), "a small cache is kept");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
