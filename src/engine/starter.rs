//! The decision record's starting code: a first implementation of the verdict and its architecture in the team's ecosystem.

use serde::Serialize;

use super::factor::{ModelSize, Tooling};
use super::hybrid::HybridMode;
use super::{Answers, Verdict};

/// One snippet: what it is, its language for a fenced block, and the code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Snippet {
    pub title: String,
    pub language: &'static str,
    pub code: String,
}

/// Firebase AI Logic's inference mode for a verdict and architecture.
pub fn firebase_mode(verdict: Verdict, mode: Option<HybridMode>) -> &'static str {
    match (verdict, mode) {
        (Verdict::Local, _) => "ONLY_ON_DEVICE",
        (Verdict::Cloud | Verdict::Undecided, _) => "ONLY_IN_CLOUD",
        (Verdict::Hybrid, Some(HybridMode::CloudFirst | HybridMode::SplitByData)) => {
            "PREFER_IN_CLOUD"
        }
        (Verdict::Hybrid, _) => "PREFER_ON_DEVICE",
    }
}

/// The snippets for this verdict; none while undecided.
pub fn snippets(verdict: Verdict, mode: Option<HybridMode>, answers: &Answers) -> Vec<Snippet> {
    if verdict == Verdict::Undecided {
        return Vec::new();
    }
    let mut out = Vec::new();
    let uses_device = verdict != Verdict::Cloud;
    match answers.tooling() {
        Some(Tooling::Web) => {
            if uses_device {
                out.push(chrome_gate(verdict));
            }
            out.push(firebase_web(verdict, mode));
        }
        Some(Tooling::Mobile) => {
            if uses_device {
                out.push(apple_gate(verdict));
            }
            out.push(firebase_web(verdict, mode));
        }
        _ => out.push(openai_switch(verdict, mode)),
    }
    let small_model = uses_device && answers.model_size() != Some(ModelSize::Large);
    if small_model {
        out.push(schema_check());
    }
    out
}

fn chrome_gate(verdict: Verdict) -> Snippet {
    let fallback = if verdict == Verdict::Local {
        "  // Local only: say plainly that this browser cannot run the feature.\n  throw new Error('On-device AI is not available in this browser.');"
    } else {
        "  // The cloud path for browsers without the built-in model.\n  const response = await fetch('/api/answer', {\n    method: 'POST',\n    headers: { 'Content-Type': 'application/json' },\n    body: JSON.stringify({ prompt }),\n  });\n  return (await response.json()).text;"
    };
    Snippet {
        title: "Chrome's built-in model behind an availability() gate".into(),
        language: "js",
        code: format!(
            "async function answer(prompt) {{\n  if ('LanguageModel' in self && (await LanguageModel.availability()) === 'available') {{\n    const session = await LanguageModel.create();\n    // A JSON schema constrains the small model's output (see the schema below).\n    return session.prompt(prompt, {{ responseConstraint: SCHEMA }});\n  }}\n{fallback}\n}}"
        ),
    }
}

fn apple_gate(verdict: Verdict) -> Snippet {
    let fallback = if verdict == Verdict::Local {
        "return nil // Local only: hide the feature on devices without Apple Intelligence."
    } else {
        "return try await cloudAnswer(prompt) // your server's endpoint"
    };
    Snippet {
        title: "Apple's on-device foundation model, checked before use".into(),
        language: "swift",
        code: format!(
            "import FoundationModels\n\nfunc answer(_ prompt: String) async throws -> String? {{\n    guard case .available = SystemLanguageModel.default.availability else {{\n        {fallback}\n    }}\n    let session = LanguageModelSession()\n    return try await session.respond(to: prompt).content\n}}"
        ),
    }
}

fn firebase_web(verdict: Verdict, mode: Option<HybridMode>) -> Snippet {
    let inference = firebase_mode(verdict, mode);
    Snippet {
        title: format!("Firebase AI Logic with InferenceMode.{inference}"),
        language: "js",
        code: format!(
            "import {{ getAI, getGenerativeModel, GoogleAIBackend, InferenceMode }} from 'firebase/ai';\n\nconst ai = getAI(app, {{ backend: new GoogleAIBackend() }});\n// {inference}: chosen from the verdict ({}).\nconst model = getGenerativeModel(ai, {{ mode: InferenceMode.{inference} }});\nconst result = await model.generateContent(prompt);",
            verdict.key()
        ),
    }
}

fn openai_switch(verdict: Verdict, mode: Option<HybridMode>) -> Snippet {
    let route = match (verdict, mode) {
        (Verdict::Local, _) => "    return local, local_model",
        (Verdict::Cloud | Verdict::Undecided, _) => "    return cloud, \"gpt-4.1-mini\"  # your Azure OpenAI deployment",
        (Verdict::Hybrid, Some(HybridMode::CloudFirst)) => "    # The cloud by default; the device when the network is down.\n    return (local, local_model) if offline else (cloud, \"gpt-4.1-mini\")",
        (Verdict::Hybrid, _) => "    # The device by default; hard requests (or unsure answers) to the cloud.\n    return (cloud, \"gpt-4.1-mini\") if hard else (local, local_model)",
    };
    Snippet {
        title: "One OpenAI-compatible client, Foundry Local or Azure OpenAI by base URL".into(),
        language: "python",
        code: format!(
            "import os\nfrom openai import OpenAI\nfrom foundry_local import FoundryLocalManager\n\n# Foundry Local serves an OpenAI-compatible endpoint on this machine (its port varies).\nmanager = FoundryLocalManager(\"phi-4-mini\")\nlocal = OpenAI(base_url=manager.endpoint, api_key=manager.api_key)\nlocal_model = manager.get_model_info(\"phi-4-mini\").id\ncloud = OpenAI(\n    base_url=\"https://YOUR-RESOURCE.openai.azure.com/openai/v1/\",\n    api_key=os.environ[\"AZURE_OPENAI_API_KEY\"],\n)\n\ndef route(hard: bool = False, offline: bool = False):\n{route}\n\nclient, model = route()\nreply = client.chat.completions.create(model=model, messages=[{{\"role\": \"user\", \"content\": prompt}}])"
        ),
    }
}

fn schema_check() -> Snippet {
    Snippet {
        title: "The check that makes a small local model safe: a JSON schema its output must match".into(),
        language: "json",
        code: "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"label\": { \"enum\": [\"REPLACE\", \"WITH\", \"YOUR\", \"LABELS\"] },\n    \"confidence\": { \"type\": \"number\", \"minimum\": 0, \"maximum\": 1 }\n  },\n  \"required\": [\"label\", \"confidence\"],\n  \"additionalProperties\": false\n}\n// Pass it as the constraint (Chrome: responseConstraint; Apple: a @Generable type;\n// OpenAI-compatible servers: response_format json_schema), validate again before use,\n// and send anything that fails or is unsure to the fallback path.".into(),
    }
}
