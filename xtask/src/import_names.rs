//! Shortens the names the app's wasm imports its JS glue by, in both files.
//!
//! wasm-bindgen names every import after the function and a 16-digit hash
//! (`__wbg_getElementById_e34377b79d7285f6`), and the name is written twice: in the wasm's
//! import section and as a key of the glue's import object. Random hex does not compress, so
//! the app's ~170 names cost about 4 KB brotli; here each becomes a one- or two-letter name.
//! Nothing else refers to those names: the glue's import object is the only reader.

use anyhow::{bail, Context, Result};

const IMPORT_SECTION: u8 = 2;

/// Renames the glue's imports in `wasm` and `js` (an app built by wasm-bindgen); returns how
/// many were renamed. Fails, changing nothing, if a name is not found exactly once in the glue.
pub fn shorten(wasm: &[u8], js: &str) -> Result<(Vec<u8>, String, usize)> {
    if wasm.get(..8) != Some(b"\0asm\x01\0\0\0".as_slice()) {
        bail!("not a wasm module");
    }
    let mut out = wasm[..8].to_vec();
    let mut js = js.to_owned();
    let mut renamed = 0;
    let mut at = 8;
    while at < wasm.len() {
        let id = wasm[at];
        let (size, start) = leb(wasm, at + 1)?;
        let body = wasm
            .get(start..start + size)
            .context("a section runs past the module's end")?;
        let body = if id == IMPORT_SECTION {
            let (section, names) = rename_imports(body)?;
            for (old, new) in &names {
                js = replace_once(&js, old, new)?;
            }
            renamed = names.len();
            section
        } else {
            body.to_vec()
        };
        out.push(id);
        out.extend(encode(body.len()));
        out.extend(body);
        at = start + size;
    }
    Ok((out, js, renamed))
}

/// Each renamed import: its old name and its new one.
type Renamed = Vec<(String, String)>;

/// The import section with every glue import renamed, and the names.
fn rename_imports(body: &[u8]) -> Result<(Vec<u8>, Renamed)> {
    let (count, mut at) = leb(body, 0)?;
    let mut out = encode(count);
    let mut names = Vec::new();
    for _ in 0..count {
        let (module, after_module) = string(body, at)?;
        let (field, desc_start) = string(body, after_module)?;
        let desc_end = skip_desc(body, desc_start)?;
        let field = std::str::from_utf8(field).context("an import name is not UTF-8")?;
        let new = if field.starts_with("__wbg_") || field.starts_with("__wbindgen_") {
            let new = short_name(names.len());
            names.push((field.to_owned(), new.clone()));
            new
        } else {
            field.to_owned()
        };
        out.extend(encode(module.len()));
        out.extend(module);
        out.extend(encode(new.len()));
        out.extend(new.as_bytes());
        out.extend(&body[desc_start..desc_end]);
        at = desc_end;
    }
    Ok((out, names))
}

/// Where an import's description (its kind and type, after its two names) ends.
fn skip_desc(body: &[u8], mut at: usize) -> Result<usize> {
    let kind = *body.get(at).context("an import has no kind")?;
    at += 1;
    let limits = |mut at: usize| -> Result<usize> {
        let flags = *body.get(at).context("limits have no flags")?;
        at = leb(body, at + 1)?.1;
        if flags & 1 == 1 {
            at = leb(body, at)?.1;
        }
        Ok(at)
    };
    Ok(match kind {
        0 | 4 => leb(body, at + usize::from(kind == 4))?.1, // function or tag: a type index
        1 => limits(at + 1)?,                               // table: a reference type, limits
        2 => limits(at)?,                                   // memory: limits
        3 => at + 2,                                        // global: a value type, mutability
        other => bail!("unknown import kind {other}"),
    })
}

fn string(body: &[u8], at: usize) -> Result<(&[u8], usize)> {
    let (len, start) = leb(body, at)?;
    let bytes = body
        .get(start..start + len)
        .context("a name runs past its section")?;
    Ok((bytes, start + len))
}

/// `a`…`z`, `A`…`Z`, then two letters: never a keyword, and always a plain object key.
fn short_name(index: usize) -> String {
    const LETTERS: &[u8; 52] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut name = Vec::new();
    let mut n = index;
    loop {
        name.push(LETTERS[n % 52]);
        if n < 52 {
            break;
        }
        n = n / 52 - 1;
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
}

/// Replaces the one whole-word occurrence of `old` in `js`.
fn replace_once(js: &str, old: &str, new: &str) -> Result<String> {
    let is_word = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$';
    let found: Vec<usize> = js
        .match_indices(old)
        .map(|(at, _)| at)
        .filter(|&at| {
            let before = js[..at].chars().next_back().is_none_or(|c| !is_word(c));
            let after = js[at + old.len()..]
                .chars()
                .next()
                .is_none_or(|c| !is_word(c));
            before && after
        })
        .collect();
    match found.as_slice() {
        [at] => Ok(format!("{}{new}{}", &js[..*at], &js[at + old.len()..])),
        other => bail!(
            "the glue names the import {old} {} times, not once",
            other.len()
        ),
    }
}

fn leb(bytes: &[u8], mut at: usize) -> Result<(usize, usize)> {
    let mut value = 0usize;
    let mut shift = 0;
    loop {
        let byte = *bytes
            .get(at)
            .context("a number runs past the module's end")?;
        at += 1;
        value |= usize::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Ok((value, at));
        }
        shift += 7;
        if shift > 28 {
            bail!("a number is longer than 32 bits");
        }
    }
}

fn encode(mut value: usize) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return out;
        }
        out.push(byte | 0x80);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module importing two glue functions, a memory and a global, and defining nothing.
    fn module() -> Vec<u8> {
        let mut imports = encode(4);
        let mut import = |module: &str, field: &str, desc: &[u8]| {
            imports.extend(encode(module.len()));
            imports.extend(module.as_bytes());
            imports.extend(encode(field.len()));
            imports.extend(field.as_bytes());
            imports.extend(desc);
        };
        import("./app_bg.js", "__wbg_length_9aab85334c5daf3f", &[0, 0]);
        import("./app_bg.js", "__wbindgen_cast_0123456789abcdef", &[0, 0]);
        import("env", "memory", &[2, 1, 17, 0x80, 0x01]);
        import("env", "flag", &[3, 0x7f, 0]);
        let types = [1u8, 0x60, 0, 0]; // one type: [] -> []
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        for (id, body) in [(1u8, types.to_vec()), (IMPORT_SECTION, imports)] {
            wasm.push(id);
            wasm.extend(encode(body.len()));
            wasm.extend(body);
        }
        wasm
    }

    #[test]
    fn glue_imports_get_short_names_in_both_files() {
        let js =
            "const import0 = { __wbg_length_9aab85334c5daf3f: function(a) { return a.length; }, \
                  __wbindgen_cast_0123456789abcdef: function(a) { return a; } };";
        let (wasm, js, renamed) = shorten(&module(), js).expect("renames");
        assert_eq!(renamed, 2);
        assert_eq!(
            js,
            "const import0 = { a: function(a) { return a.length; }, \
                  b: function(a) { return a; } };"
        );
        // Read back: the names changed, the other imports and every description did not.
        let (section, body) = {
            let (size, start) = leb(&wasm, 8 + 1 + 1 + 4 + 1).expect("size");
            (wasm[8 + 1 + 1 + 4], &wasm[start..start + size])
        };
        assert_eq!(section, IMPORT_SECTION);
        let (_, names) = rename_imports(body).expect("parses");
        assert!(names.is_empty(), "already short: {names:?}");
        let text = String::from_utf8_lossy(body);
        assert!(text.contains("memory") && text.contains("flag"));
        assert!(!text.contains("__wbg_"));
    }

    #[test]
    fn a_name_the_glue_does_not_hold_once_changes_nothing() {
        let twice = "__wbg_length_9aab85334c5daf3f; __wbg_length_9aab85334c5daf3f";
        assert!(shorten(&module(), twice).is_err());
        assert!(shorten(&module(), "nothing").is_err());
        assert!(shorten(b"not wasm", "").is_err());
    }

    #[test]
    fn short_names_are_unique() {
        let names: std::collections::HashSet<String> = (0..3_000).map(short_name).collect();
        assert_eq!(names.len(), 3_000);
        assert_eq!(short_name(0), "a");
        assert_eq!(short_name(51), "Z");
        assert_eq!(short_name(52), "aa");
    }
}
