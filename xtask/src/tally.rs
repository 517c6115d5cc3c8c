//! Counts passed and failed tests across the layers from what each runner prints.

/// Passed and failed counts.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    pub passed: u64,
    pub failed: u64,
}

impl Tally {
    pub fn add(&mut self, other: Tally) {
        self.passed += other.passed;
        self.failed += other.failed;
    }
}

/// Sums every `test result: … N passed; M failed;` line (cargo test and wasm-bindgen-test-runner).
pub fn from_libtest(output: &str) -> Tally {
    let mut tally = Tally::default();
    for line in output.lines().filter(|l| l.starts_with("test result:")) {
        tally.passed += count_before(line, " passed");
        tally.failed += count_before(line, " failed");
    }
    tally
}

fn count_before(line: &str, word: &str) -> u64 {
    line.find(word)
        .and_then(|end| line[..end].rsplit([' ', '.', ';']).next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

/// Reads Playwright's JSON report: expected and flaky tests passed, unexpected ones failed.
pub fn from_playwright(json: &str) -> Option<Tally> {
    let value: serde_json::Value = serde_json::from_str(json).ok()?;
    let stats = value.get("stats")?;
    let n = |key: &str| {
        stats
            .get(key)
            .and_then(serde_json::Value::as_u64)
            .unwrap_or(0)
    };
    Some(Tally {
        passed: n("expected") + n("flaky"),
        failed: n("unexpected"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn libtest_lines_are_summed() {
        let out = "running 3 tests\ntest a ... ok\n\
                   test result: ok. 3 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out\n\
                   test result: FAILED. 10 passed; 2 failed; 1 ignored\n";
        assert_eq!(
            from_libtest(out),
            Tally {
                passed: 13,
                failed: 2
            }
        );
    }

    #[test]
    fn playwright_stats_are_read() {
        let json = r#"{"stats":{"expected":4,"unexpected":1,"flaky":1,"skipped":2}}"#;
        assert_eq!(
            from_playwright(json),
            Some(Tally {
                passed: 5,
                failed: 1
            })
        );
        assert_eq!(from_playwright("not json"), None);
    }
}
