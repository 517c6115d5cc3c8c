//! Counts passed and failed tests across the layers from what each runner prints.

/// Passed and failed counts, and the names of the failed tests where the runner gives them.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Tally {
    pub passed: u64,
    pub failed: u64,
    /// One line per failed test, so that CI's last lines say what failed and not only how many.
    pub failures: Vec<String>,
    /// Tests that failed once and passed on Playwright's retry: counted as passed, but named,
    /// since a flaky test is a defect to find, not to hide.
    pub flaky: Vec<String>,
}

impl Tally {
    pub fn counts(passed: u64, failed: u64) -> Tally {
        Tally {
            passed,
            failed,
            ..Tally::default()
        }
    }

    pub fn add(&mut self, other: &Tally) {
        self.passed += other.passed;
        self.failed += other.failed;
        self.failures.extend(other.failures.iter().cloned());
        self.flaky.extend(other.flaky.iter().cloned());
    }
}

/// Sums every `test result: … N passed; M failed;` line (cargo test and wasm-bindgen-test-runner)
/// and keeps the names from the `test NAME ... FAILED` lines.
pub fn from_libtest(output: &str) -> Tally {
    let mut tally = Tally::default();
    for line in output.lines() {
        if line.starts_with("test result:") {
            tally.passed += count_before(line, " passed");
            tally.failed += count_before(line, " failed");
        } else if let Some(name) = line
            .strip_prefix("test ")
            .and_then(|rest| rest.strip_suffix(" ... FAILED"))
        {
            tally.failures.push(name.to_owned());
        }
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
    let (mut failures, mut flaky) = (Vec::new(), Vec::new());
    for suite in list(&value, "suites") {
        playwright_tests(suite, "unexpected", &mut failures);
        playwright_tests(suite, "flaky", &mut flaky);
    }
    Some(Tally {
        passed: n("expected") + n("flaky"),
        failed: n("unexpected"),
        failures,
        flaky,
    })
}

fn list<'a>(value: &'a serde_json::Value, key: &str) -> &'a [serde_json::Value] {
    value
        .get(key)
        .and_then(serde_json::Value::as_array)
        .map_or(&[], Vec::as_slice)
}

fn text<'a>(value: &'a serde_json::Value, key: &str) -> &'a str {
    value
        .get(key)
        .and_then(serde_json::Value::as_str)
        .unwrap_or("")
}

/// Walks a Playwright suite: `file:line [project] title: the first error's first line` per test
/// whose outcome is `status` ("unexpected" for failed, "flaky" for passed on a retry).
fn playwright_tests(suite: &serde_json::Value, status: &str, out: &mut Vec<String>) {
    for spec in list(suite, "specs") {
        for test in list(spec, "tests") {
            if text(test, "status") != status {
                continue;
            }
            let error = list(test, "results")
                .iter()
                .filter_map(|r| r.get("error"))
                .map(|e| text(e, "message"))
                .find(|m| !m.is_empty())
                .and_then(|m| m.lines().find(|l| !l.trim().is_empty()))
                .unwrap_or("");
            let line = spec.get("line").and_then(serde_json::Value::as_u64);
            out.push(format!(
                "{}:{} [{}] {}: {}",
                text(spec, "file"),
                line.unwrap_or(0),
                text(test, "projectName"),
                text(spec, "title"),
                strip_ansi(error).trim()
            ));
        }
    }
    for inner in list(suite, "suites") {
        playwright_tests(inner, status, out);
    }
}

/// Playwright colours its messages; CI's log should read as plain text.
fn strip_ansi(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut chars = message.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            // An escape runs to its final letter (`ESC [ 31 m`).
            for next in chars.by_ref() {
                if next.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn libtest_lines_are_summed() {
        let out = "running 3 tests\ntest a ... ok\n\
                   test result: ok. 3 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out\n\
                   test engine::tests::x ... FAILED\n\
                   test result: FAILED. 10 passed; 2 failed; 1 ignored\n";
        let tally = from_libtest(out);
        assert_eq!((tally.passed, tally.failed), (13, 2));
        assert_eq!(tally.failures, vec!["engine::tests::x".to_owned()]);
    }

    #[test]
    fn playwright_stats_are_read() {
        let json = r#"{"stats":{"expected":4,"unexpected":1,"flaky":1,"skipped":2},
            "suites":[{"suites":[{"specs":[{"title":"starts","file":"a.spec.js","line":7,
            "tests":[{"projectName":"chromium","status":"unexpected",
            "results":[{"error":{"message":"\u001b[31mError: timed out\u001b[39m\nmore"}}]},
            {"projectName":"chromium","status":"expected","results":[]},
            {"projectName":"webgpu","status":"flaky","results":[{"error":{"message":"Error: once"}},{}]}
            ]}]}]}]}"#;
        let tally = from_playwright(json).expect("a report");
        assert_eq!((tally.passed, tally.failed), (5, 1));
        assert_eq!(
            tally.failures,
            vec!["a.spec.js:7 [chromium] starts: Error: timed out".to_owned()]
        );
        assert_eq!(
            tally.flaky,
            vec!["a.spec.js:7 [webgpu] starts: Error: once".to_owned()]
        );
        assert_eq!(from_playwright("not json"), None);
    }
}
