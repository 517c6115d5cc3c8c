//! The answer as it streams in: its text with any reasoning preamble kept apart, why the model
//! stopped, the usage, and when the first token and the first answer token came.
//!
//! Reasoning models served by Ollama, LM Studio, vLLM or Azure AI Foundry think before they
//! answer, either in a separate `reasoning_content` (or `reasoning`) field or as
//! `<think>…</think>` at the start of `content`. The preamble is no part of the answer: its
//! braces would break the labels, and its time is not the time to the answer.

use super::completion::{parse_chunk, Chunk, Usage};
use super::error::CloudError;
use super::sse::Event;

const OPEN: &str = "<think>";
const CLOSE: &str = "</think>";

/// Splits an inline preamble off `content`: `<think>…</think>` at the start, or everything up to
/// a `</think>` that has no opening tag (DeepSeek-R1's newer chat template opens the tag itself,
/// so the model's output starts inside it). Returns the preamble and the answer.
pub fn split_preamble(content: &str) -> (&str, &str) {
    let trimmed = content.trim_start();
    if let Some(inside) = trimmed.strip_prefix(OPEN) {
        return match inside.split_once(CLOSE) {
            Some((preamble, answer)) => (preamble, answer),
            None => (inside, ""),
        };
    }
    content.split_once(CLOSE).unwrap_or(("", content))
}

/// Whether answer text has begun in the content so far. A start that may still become
/// `<think>` ("<", "<th") has not: the next chunk decides.
fn answer_begun(content: &str) -> bool {
    let trimmed = content.trim_start();
    if trimmed.is_empty() || (OPEN.starts_with(trimmed) && trimmed.len() < OPEN.len()) {
        return false;
    }
    !split_preamble(content).1.trim().is_empty()
}

/// A finished answer.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Answer {
    /// The answer's text, without the preamble.
    pub content: String,
    /// How many characters of reasoning came before the answer (0 for a model that does not
    /// reason); they are ignored for the labels.
    pub preamble_chars: usize,
    pub finish_reason: Option<String>,
    pub usage: Option<Usage>,
}

impl Answer {
    /// The answer a finished chunk stream or a whole completion gives, or the error its finish
    /// reason means: a filter that stopped it, or the token limit that cut it.
    fn checked(raw: &Chunk) -> Result<Self, CloudError> {
        let (inline, answer) = split_preamble(&raw.content);
        let preamble_chars = raw.reasoning.chars().count() + inline.chars().count();
        match raw.finish_reason.as_deref() {
            Some("content_filter") => return Err(CloudError::AnswerFiltered),
            Some("length") => {
                return Err(CloudError::Truncated {
                    after_preamble: preamble_chars > 0,
                })
            }
            _ => {}
        }
        Ok(Self {
            content: answer.to_owned(),
            preamble_chars,
            finish_reason: raw.finish_reason.clone(),
            usage: raw.usage,
        })
    }

    /// Reads a whole (not streamed) completion's chunk.
    pub fn whole(chunk: &Chunk) -> Result<Self, CloudError> {
        Self::checked(chunk)
    }
}

/// What one event started, so the caller can note the time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    /// The first text of any kind, preamble included.
    pub first_token: bool,
    /// The first text of the answer itself.
    pub first_answer_token: bool,
}

/// The stream's state between events.
#[derive(Debug, Default)]
pub struct StreamedAnswer {
    raw: Chunk,
    done: bool,
    any_text: bool,
    answer_begun: bool,
}

impl StreamedAnswer {
    pub fn new() -> Self {
        Self::default()
    }

    /// Takes one event; `[DONE]` ends the stream.
    pub fn event(&mut self, event: &Event) -> Result<Progress, CloudError> {
        if event.is_done() {
            self.done = true;
            return Ok(Progress::default());
        }
        let chunk = parse_chunk(&event.data)?;
        self.raw.content.push_str(&chunk.content);
        self.raw.reasoning.push_str(&chunk.reasoning);
        // Azure sends a chunk after the finish with a null finish_reason: it changes nothing.
        self.raw.finish_reason = chunk.finish_reason.or(self.raw.finish_reason.take());
        self.raw.usage = chunk.usage.or(self.raw.usage);
        let mut progress = Progress::default();
        let has_text = !chunk.content.is_empty() || !chunk.reasoning.is_empty();
        if has_text && !self.any_text {
            self.any_text = true;
            progress.first_token = true;
        }
        if !self.answer_begun && answer_begun(&self.raw.content) {
            self.answer_begun = true;
            progress.first_answer_token = true;
        }
        Ok(progress)
    }

    /// The answer once the body has ended; `mid_event` says the parser was inside an event.
    pub fn finish(self, mid_event: bool) -> Result<Answer, CloudError> {
        let finished = self.done && !mid_event;
        match Answer::checked(&self.raw) {
            // A stream that stopped early is cut, whatever its last chunk said.
            Ok(_) if !finished => Err(CloudError::StreamCut),
            result => result,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_preamble_is_split_off_in_either_form() {
        let cases = [
            ("{\"a\":1}", "", "{\"a\":1}"),
            (
                "<think>is {x} a brace?</think>\n{\"a\":1}",
                "is {x} a brace?",
                "\n{\"a\":1}",
            ),
            ("\n<think>still thinking {", "still thinking {", ""),
            (
                "no opening tag {}</think>{\"a\":1}",
                "no opening tag {}",
                "{\"a\":1}",
            ),
            ("<th", "", "<th"),
        ];
        for (content, preamble, answer) in cases {
            assert_eq!(split_preamble(content), (preamble, answer), "{content}");
        }
        assert!(!answer_begun(" <th"));
        assert!(!answer_begun("<think>{\"a\":1}"));
        assert!(answer_begun("<think>x</think> {"));
        assert!(answer_begun("{"));
    }

    #[test]
    fn the_finish_reason_decides_filtered_and_cut_answers() {
        let chunk = |reason: &str, reasoning: &str| Chunk {
            content: "{\"a\"".into(),
            reasoning: reasoning.into(),
            finish_reason: Some(reason.into()),
            usage: None,
        };
        assert_eq!(
            Answer::whole(&chunk("content_filter", "")),
            Err(CloudError::AnswerFiltered)
        );
        assert_eq!(
            Answer::whole(&chunk("length", "hmm")),
            Err(CloudError::Truncated {
                after_preamble: true
            })
        );
        assert!(Answer::whole(&chunk("stop", "")).is_ok());
    }
}
